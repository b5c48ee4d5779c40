using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Compares a batch with the reference, feature by feature, and decides. Each feature is measured by the methods
/// registered for its kind (<see cref="DriftMethodRegistry.Default"/>: numeric KS, PSI over reference deciles,
/// Wasserstein and mean shift; categorical chi-square, PSI over categories and Jensen–Shannon). The decision then runs
/// once for the batch: the test p-values (KS or chi-square) are corrected for multiple testing; a feature drifts when
/// its corrected p-value is below alpha AND its PSI reaches the moderate (0.1) or severe (0.2) threshold —
/// significance guards small batches against noise, the PSI floor guards huge batches against trivial shifts.
/// The batch score is 100·T/(T + 1), T = summed PSI of drifting features: 0 for a clean batch, 50 when the drift adds
/// up to a PSI of 1, approaching but never reaching 100, so two serious drifts can still be told apart.
/// </summary>
public static class DriftAnalysis
{
    /// <summary>
    /// Compares two summaries, fitting the methods on <paramref name="reference"/> for this one comparison (a
    /// <see cref="ReferenceProfile"/> fits them once for many batches).
    /// </summary>
    /// <exception cref="ArgumentException">Either side has no orders.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="methods"/> lacks a test or PSI for a kind.</exception>
    public static DriftReport Compare(DatasetSummary reference, DatasetSummary current, DriftOptions? options = null, DriftMethodRegistry? methods = null) =>
        FittedReference.Fit(reference, methods ?? DriftMethodRegistry.Default).Compare(current, options);

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

    /// <summary>
    /// The batch decision over the measured features: test p-values corrected once, severity from the corrected
    /// p-value and the PSI, then score and status. Builds each <see cref="FeatureDrift"/> once.
    /// </summary>
    internal static DriftReport Decide(
        DatasetSummary reference,
        DatasetSummary current,
        IReadOnlyList<FeatureMeasurement> measured,
        DriftMethodRegistry methods,
        DriftOptions options)
    {
        var tests = measured.Select(m => methods.TestKey(m.Kind)).ToArray();
        // Features the batch has no value of are left out of the correction (they were not tested).
        var computed = Enumerable.Range(0, measured.Count).Where(i => measured[i].NotComputable is null).ToArray();
        var pValues = computed.Select(i => measured[i].Statistic(tests[i]).PValue
            ?? throw new InvalidOperationException($"drift method '{tests[i]}' of feature '{measured[i].Name}' gives no p-value: it is not a test")).ToArray();
        var adjustedComputed = MultipleTesting.Adjust(pValues, options.Correction);
        var adjusted = Enumerable.Repeat(double.NaN, measured.Count).ToArray();
        for (var k = 0; k < computed.Length; k++)
        {
            adjusted[computed[k]] = adjustedComputed[k];
        }

        // The sketch's error bounds are judged among the tested features only, as the correction above is.
        var errorComputed = SketchError.Of(
            reference, current, computed.Select(i => measured[i]).ToArray(), computed.Select(i => tests[i]).ToArray(), pValues, options);
        var error = new SketchError?[measured.Count];
        for (var k = 0; k < computed.Length; k++)
        {
            error[computed[k]] = errorComputed[k];
        }
        var features = measured.Select((m, i) =>
        {
            var psi = m.Statistic(DriftMethodKeys.PopulationStabilityIndex).Value ?? double.NaN;
            var severity = m.NotComputable is null ? Classify(psi, adjusted[i], options) : DriftSeverity.None;
            var drift = new FeatureDrift(m.Name, m.Kind, severity, tests[i], adjusted[i], m.Statistics, m.NewCategories, m.Distribution) { NotComputable = m.NotComputable };
            return error[i] is { } e
                ? drift with { Exact = false, KsErrorBound = e.KsBound, PsiShareErrorBound = e.ShareBound, Inconclusive = e.Inconclusive }
                : drift;
        }).ToArray();

        var total = features.Where(f => f.Severity != DriftSeverity.None).Sum(f => f.Psi);
        var score = Score(total);
        TargetDrift? target = reference.Returned is { } r && current.Returned is { } c ? new TargetDrift(r, reference.Rows, c, current.Rows) : null;
        return new DriftReport(reference.Source, current.Source, reference.Rows, current.Rows, score, StatusOf(score, options), features, target, options);
    }
}
