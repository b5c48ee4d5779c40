using ReturnMonitor.Drift;

namespace ReturnMonitor.Monitoring;

/// <summary>When to tell someone: on a change of status, and on a sequential alarm; never for an unchanged, quiet batch.</summary>
public static class AlertPolicy
{
    /// <summary>
    /// The reason to alert for a batch with status <paramref name="current"/> after one with <paramref name="previous"/>
    /// (null for the first batch), or null for none. A change in either direction alerts (healthy → warning, warning →
    /// critical, critical → healthy: "back to healthy" is news too); the first batch alerts only when it is not healthy;
    /// an unchanged status alerts only when the sequential detector alarmed.
    /// </summary>
    public static AlertReason? Decide(DriftStatus? previous, DriftStatus current, bool sequentialAlarm)
    {
        var changed = previous is { } p ? p != current : current != DriftStatus.Healthy;
        return changed ? AlertReason.StatusChange : sequentialAlarm ? AlertReason.SequentialAlarm : null;
    }
}
