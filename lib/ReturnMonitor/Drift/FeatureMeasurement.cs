using ReturnMonitor.Data;

namespace ReturnMonitor.Drift;

/// <summary>One feature of one batch measured by every registered method, before the batch's decision.</summary>
/// <param name="Name">Feature name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Statistics">One result per registered method, in registration order.</param>
/// <param name="NewCategories">Categories of the batch never seen in the reference.</param>
/// <param name="Distribution">Shares over common bins, for charts.</param>
internal sealed record FeatureMeasurement(
    string Name,
    FeatureKind Kind,
    IReadOnlyList<DriftMethodResult> Statistics,
    IReadOnlyList<string> NewCategories,
    DistributionComparison Distribution)
{
    /// <summary>Why the feature's drift could not be computed (no value in the batch), or null when it was.</summary>
    public string? NotComputable { get; init; }

    /// <summary>The result of method <paramref name="key"/>; the registry guarantees the decision's keys are present.</summary>
    public DriftMethodResult Statistic(string key) =>
        Statistics.FirstOrDefault(s => s.Key == key) ?? throw new InvalidOperationException($"feature '{Name}' has no '{key}' result");
}
