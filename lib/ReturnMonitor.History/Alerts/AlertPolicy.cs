using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>When to tell someone: on a change of status, on a sequential alarm, on a data-quality alarm; never for an unchanged, quiet batch.</summary>
public static class AlertPolicy
{
    /// <summary>
    /// The reason to alert for a batch with status <paramref name="current"/> after one with <paramref name="previous"/>
    /// (null for the first batch), or null for none. A change in either direction alerts (healthy → warning, warning →
    /// critical, critical → healthy: "back to healthy" is news too); the first batch alerts only when it is not healthy;
    /// an unchanged status alerts only when the sequential detector or the data-quality check alarmed. A status change
    /// takes precedence as the reason; the message carries every alert of the batch either way.
    /// </summary>
    public static AlertReason? Decide(DriftStatus? previous, DriftStatus current, bool sequentialAlarm, bool dataQualityAlarm = false)
    {
        var changed = previous is { } p ? p != current : current != DriftStatus.Healthy;
        return changed ? AlertReason.StatusChange
            : sequentialAlarm ? AlertReason.SequentialAlarm
            : dataQualityAlarm ? AlertReason.DataQuality
            : null;
    }
}
