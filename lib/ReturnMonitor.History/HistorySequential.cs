using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>The sequential detector's state after a recorded batch.</summary>
/// <param name="Statistic">The CUSUM statistic reached in this period, in σ₀ (before the restart when it alarmed).</param>
/// <param name="Threshold">The threshold h in force, in σ₀.</param>
/// <param name="Alarm">Whether it alarmed in this period.</param>
public sealed record HistorySequential(double Statistic, double Threshold, bool Alarm);
