using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>What an alert says, independent of its format.</summary>
/// <param name="Reason">Why it is sent.</param>
/// <param name="Period">Period label of the batch.</param>
/// <param name="Batch">Batch name (file).</param>
/// <param name="Status">The batch status.</param>
/// <param name="PreviousStatus">The status of the batch before, or null for the first.</param>
/// <param name="Score">Drift score in [0, 100).</param>
/// <param name="DriftingFeatures">Features that drifted (moderate or severe).</param>
/// <param name="Alerts">The batch's alerts (drift, model, sequential).</param>
/// <param name="Money">Money figures by name, or null when the check had none.</param>
/// <param name="Report">Link or path to the dashboard, or null.</param>
public sealed record AlertMessage(
    AlertReason Reason,
    string Period,
    string Batch,
    DriftStatus Status,
    DriftStatus? PreviousStatus,
    double Score,
    IReadOnlyList<string> DriftingFeatures,
    IReadOnlyList<HistoryAlert> Alerts,
    IReadOnlyDictionary<string, double>? Money,
    string? Report)
{
    /// <summary>The message for a recorded batch.</summary>
    public static AlertMessage From(HistoryRecord record, AlertReason reason, DriftStatus? previous, string? report) => new(
        reason, record.Period.Label, record.Source, record.Status, previous, record.Score, record.DriftingFeatures, record.Alerts, record.Money, report);
}
