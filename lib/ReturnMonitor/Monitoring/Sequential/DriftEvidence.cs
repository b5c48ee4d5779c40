using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The quantity the sequential detector accumulates: the summed PSI of every feature, drifting or not. The batch
/// score counts only features that are significant and past the PSI floor, so it is exactly 0 on most batches and
/// carries no evidence of a shift below the floor; the unthresholded sum does, and on clean batches it is sampling noise
/// of roughly (bins − 1)·(1/n + 1/m) per feature (n batch orders, m reference orders).
/// </summary>
public static class DriftEvidence
{
    /// <summary>
    /// Σ PSI over the report's features, ≥ 0. A feature the batch has no value of (not computable) adds nothing: its
    /// absence is a data-quality alarm, not drift evidence.
    /// </summary>
    public static double Of(DriftReport report) => report.Features.Where(f => f.NotComputable is null).Sum(f => f.Psi);

    /// <summary>
    /// The evidence of <paramref name="batch"/> against <paramref name="reference"/> without the rest of a comparison:
    /// only the profile's PSI method is run, feature by feature in the reference's order, so the result equals
    /// <c>Of(reference.Compare(batch))</c> bit for bit. For simulations that need thousands of clean batches' evidence
    /// (calibration, false-alarm measurements), where the KS p-values of full comparisons were most of the time.
    /// </summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    public static double Of(ReferenceProfile reference, DatasetSummary batch)
    {
        if (batch.Rows == 0)
        {
            throw new ArgumentException($"{batch.Source} has no orders: nothing to check");
        }

        var numeric = reference.Methods.Numeric.Single(m => m.Key == DriftMethodKeys.PopulationStabilityIndex);
        var categorical = reference.Methods.Categorical.Single(m => m.Key == DriftMethodKeys.PopulationStabilityIndex);
        var sum = 0.0;
        foreach (var feature in reference.Summary.Features)
        {
            if (feature.Kind == FeatureKind.Numeric)
            {
                if (batch.Numeric.GetValueOrDefault(feature.Name) is { Count: > 0 } current)
                {
                    sum += numeric.Fit(reference.Summary.Numeric[feature.Name]).Calculate(current).Value ?? 0;
                }
            }
            else if (batch.Categorical.GetValueOrDefault(feature.Name) is { Total: > 0 } counts)
            {
                sum += categorical.Fit(reference.Summary.Categorical[feature.Name]).Calculate(counts).Value ?? 0;
            }
        }

        return sum;
    }
}
