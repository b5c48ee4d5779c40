using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Compares a batch with the reference, feature by feature, and decides. Per feature: numeric features get KS,
/// PSI over reference deciles, Wasserstein and mean shift; categorical features get chi-square, PSI over categories and
/// Jensen–Shannon. The test p-values (KS or chi-square) of the batch are corrected for multiple testing; a feature
/// drifts when its corrected p-value is below alpha AND its PSI reaches the moderate (0.1) or severe (0.2) threshold —
/// significance guards small batches against noise, the PSI floor guards huge batches against trivial shifts.
/// The batch score is 100·T/(T + 1), T = summed PSI of drifting features: 0 for a clean batch, 50 when the drift adds
/// up to a PSI of 1, approaching but never reaching 100, so two serious drifts can still be told apart.
/// </summary>
public static class DriftAnalysis
{
    /// <summary>Compares two summaries.</summary>
    /// <exception cref="ArgumentException">Either side has no orders.</exception>
    public static DriftReport Compare(DatasetSummary reference, DatasetSummary current, DriftOptions? options = null)
    {
        options ??= DriftOptions.Default;
        if (reference.Rows == 0)
        {
            throw new ArgumentException($"{reference.Source} has no orders: nothing to compare against");
        }

        if (current.Rows == 0)
        {
            throw new ArgumentException($"{current.Source} has no orders: nothing to check");
        }

        var raw = OrderSchema.Features
            .Select(f => f.Kind == FeatureKind.Numeric
                ? CompareNumeric(f.Name, reference.Numeric[f.Name], current.Numeric[f.Name])
                : CompareCategorical(f.Name, reference.Categorical[f.Name], current.Categorical[f.Name]))
            .ToArray();

        var pValues = raw.Select(f => f.PValue).ToArray();
        var adjusted = options.Correction switch
        {
            PValueCorrection.BenjaminiHochberg => MultipleTesting.BenjaminiHochberg(pValues),
            PValueCorrection.Bonferroni => MultipleTesting.Bonferroni(pValues),
            _ => pValues,
        };

        var features = raw.Select((f, i) => f with
        {
            AdjustedPValue = adjusted[i],
            Severity = Classify(f.Psi, adjusted[i], options),
        }).ToArray();

        var total = features.Where(f => f.Severity != DriftSeverity.None).Sum(f => f.Psi);
        var score = Score(total);
        TargetDrift? target = reference.Returned is { } r && current.Returned is { } c ? new TargetDrift(r, reference.Rows, c, current.Rows) : null;
        return new DriftReport(reference.Source, current.Source, reference.Rows, current.Rows, score, StatusOf(score, options), features, target, options);
    }

    /// <summary>Severity from a feature's PSI and corrected p-value.</summary>
    public static DriftSeverity Classify(double psi, double adjustedPValue, DriftOptions options)
    {
        if (!(adjustedPValue < options.Alpha) || psi < options.ModeratePsi)
        {
            return DriftSeverity.None;
        }

        return psi >= options.SeverePsi ? DriftSeverity.Severe : DriftSeverity.Moderate;
    }

    /// <summary>Score 100·T/(T + 1) for a total drifting PSI T ≥ 0, in [0, 100).</summary>
    public static double Score(double totalDriftingPsi) => 100 * totalDriftingPsi / (totalDriftingPsi + 1);

    /// <summary>Status from a score.</summary>
    public static DriftStatus StatusOf(double score, DriftOptions options) =>
        score >= options.CriticalScore ? DriftStatus.Critical
        : score >= options.WarningScore ? DriftStatus.Warning
        : DriftStatus.Healthy;

    private static FeatureDrift CompareNumeric(string name, EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var ks = KolmogorovSmirnovTest.TwoSample(reference, current);
        return new FeatureDrift(
            name,
            FeatureKind.Numeric,
            DriftSeverity.None,
            PopulationStabilityIndex.Numeric(reference, current),
            ks.PValue,
            ks.PValue,
            ks.Statistic,
            ks.PValue,
            WassersteinDistance.Compute(reference, current),
            WassersteinDistance.Normed(reference, current),
            reference.Mean,
            current.Mean,
            MeanShift.Percent(reference.Mean, current.Mean),
            ChiSquare: null,
            ChiSquarePValue: null,
            DegreesOfFreedom: null,
            JensenShannon: null,
            NewCategories: [],
            DistributionComparison.Numeric(reference, current));
    }

    private static FeatureDrift CompareCategorical(string name, CategoryCounts reference, CategoryCounts current)
    {
        var chi = ChiSquareTest.Homogeneity(reference, current);
        return new FeatureDrift(
            name,
            FeatureKind.Categorical,
            DriftSeverity.None,
            PopulationStabilityIndex.Categorical(reference, current),
            chi.PValue,
            chi.PValue,
            KsStatistic: null,
            KsPValue: null,
            Wasserstein: null,
            WassersteinNormed: null,
            ReferenceMean: null,
            CurrentMean: null,
            MeanShiftPercent: null,
            chi.Statistic,
            chi.PValue,
            chi.DegreesOfFreedom,
            JensenShannonDistance.Categorical(reference, current),
            current.Categories.Where(c => reference[c] == 0).ToArray(),
            DistributionComparison.Categorical(reference, current));
    }
}
