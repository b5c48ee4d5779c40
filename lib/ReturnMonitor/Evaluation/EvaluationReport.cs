namespace ReturnMonitor.Evaluation;

/// <summary>Everything the evaluation measured. Pure data; the JSON and text forms are rendered from it.</summary>
/// <param name="Options">What was simulated.</param>
/// <param name="Truth">Per case and feature, the generator's true shift.</param>
/// <param name="Alarms">Batch alarm rates per case and size: false-positive rate for the null case, detection rate otherwise.</param>
/// <param name="Flags">Per-feature flag rates per case and size.</param>
/// <param name="FeatureAccuracy">Per-feature precision and recall against the truth, per size.</param>
/// <param name="Performance">CBPE estimate vs realized metrics per case.</param>
/// <param name="Multivariate">Domain-classifier alarm rates per case (null and joint shift).</param>
/// <param name="Targets">The stated targets and whether they were met.</param>
public sealed record EvaluationReport(
    EvaluationOptions Options,
    IReadOnlyList<FeatureTruth> Truth,
    IReadOnlyList<BatchAlarmRate> Alarms,
    IReadOnlyList<FeatureFlagRate> Flags,
    IReadOnlyList<FeatureAccuracy> FeatureAccuracy,
    IReadOnlyList<PerformanceError> Performance,
    IReadOnlyList<MultivariateRate> Multivariate,
    IReadOnlyList<TargetCheck> Targets)
{
    /// <summary>Per case, the estimates with known limits: errors, share flagged unreliable, band coverage (empty when not run).</summary>
    public IReadOnlyList<EstimateQuality> Estimates { get; init; } = [];

    /// <summary>Per case, expected vs realized return cost (empty when not run).</summary>
    public IReadOnlyList<CostAccuracy> Costs { get; init; } = [];

    /// <summary>Data-quality alarm rates per case (normal, missing values, small gaps) and size (empty when not run).</summary>
    public IReadOnlyList<DataQualityRate> DataQuality { get; init; } = [];

    /// <summary>The null case's alarm rates: the false-positive rate per size.</summary>
    public IEnumerable<BatchAlarmRate> FalsePositiveRates => Alarms.Where(a => a.IsNull);
}
