namespace ReturnMonitor.Monitoring;

/// <summary>
/// Alert thresholds of one metric, learned from the spread of its realized value over reference chunks of the batch
/// size: mean ± 3 standard deviations, clipped to [0, 1].
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Mean">Mean realized value over the chunks.</param>
/// <param name="StandardDeviation">Standard deviation over the chunks.</param>
/// <param name="Lower">Mean − 3σ: a batch below it alerts.</param>
/// <param name="Upper">Mean + 3σ.</param>
/// <param name="ChunkSize">Orders per chunk (the batch size the thresholds are for).</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="Bootstrap">True when the chunks were drawn with replacement because the reference had fewer than ten whole chunks.</param>
public sealed record MetricThresholds(
    PerformanceMetric Metric,
    double Mean,
    double StandardDeviation,
    double Lower,
    double Upper,
    int ChunkSize,
    int Chunks,
    bool Bootstrap)
{
    /// <summary>Whether a value lies outside [Lower, Upper].</summary>
    public bool Breached(double value) => value < Lower || value > Upper;
}
