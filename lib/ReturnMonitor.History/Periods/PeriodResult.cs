using ReturnMonitor.History.Alerts;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Periods;

/// <summary>What one <see cref="PeriodMonitor.Run"/> did.</summary>
/// <param name="Check">The batch check.</param>
/// <param name="Record">The record as stored (with the sequential verdict).</param>
/// <param name="Outcome">Whether it was new, its id, the previous status.</param>
/// <param name="Calibration">The sequential detector's calibration, or null when it could not run (no reference sample).</param>
/// <param name="Notification">The alert sent (delivered or not), or null when none was due.</param>
public sealed record PeriodResult(BatchCheck Check, HistoryRecord Record, RecordOutcome Outcome, SequentialCalibration? Calibration, NotificationRecord? Notification);
