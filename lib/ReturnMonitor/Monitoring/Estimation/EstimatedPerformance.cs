namespace ReturnMonitor.Monitoring;

/// <summary>The model's performance on an unlabelled batch, estimated from calibrated probabilities (CBPE).</summary>
/// <param name="Count">Orders in the batch.</param>
/// <param name="Values">Estimated value of each metric.</param>
/// <param name="Bands">Per metric, the spread of the realized value expected from sampling alone.</param>
/// <param name="Confusion">Expected confusion matrix at threshold 0.5.</param>
/// <param name="ExpectedReturnRate">Mean calibrated probability: the return rate the model expects.</param>
public sealed record EstimatedPerformance(
    long Count,
    IReadOnlyDictionary<PerformanceMetric, double> Values,
    IReadOnlyDictionary<PerformanceMetric, MetricBand> Bands,
    ExpectedConfusion Confusion,
    double ExpectedReturnRate)
{
    /// <summary>The estimate of one metric.</summary>
    public double this[PerformanceMetric metric] => Values[metric];
}
