namespace ReturnMonitor.Monitoring;

/// <summary>A batch's label-free estimates with their limits (<see cref="EstimationReference.Assess"/>).</summary>
/// <param name="Metrics">Per metric: the chosen estimate, its band, and both estimators' values.</param>
/// <param name="Reliability">Whether the estimates can be trusted, and why; also applies to the money estimates computed from the same probabilities.</param>
/// <param name="ImportanceWeighted">The importance-weighted estimate behind <see cref="Metrics"/>.</param>
/// <param name="Weights">The held-out orders' importance weights (one per held-out order, mean 1); for the money estimate, not for output.</param>
public sealed record PerformanceAssessment(
    IReadOnlyDictionary<PerformanceMetric, MetricEstimate> Metrics,
    EstimateReliability Reliability,
    ImportanceWeightedEstimate ImportanceWeighted,
    ImportanceWeights Weights)
{
    /// <summary>The estimate of one metric.</summary>
    public MetricEstimate this[PerformanceMetric metric] => Metrics[metric];
}
