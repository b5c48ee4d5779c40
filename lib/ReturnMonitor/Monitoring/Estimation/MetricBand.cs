namespace ReturnMonitor.Monitoring;

/// <summary>The sampling spread of a metric: where the realized value should fall if the estimate's assumptions hold.</summary>
/// <param name="Lower">2.5th percentile.</param>
/// <param name="Upper">97.5th percentile.</param>
/// <param name="StandardError">Standard deviation of the metric over the simulated label draws.</param>
public sealed record MetricBand(double Lower, double Upper, double StandardError);
