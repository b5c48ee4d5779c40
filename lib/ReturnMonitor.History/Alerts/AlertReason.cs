using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>Why an alert is sent.</summary>
public enum AlertReason
{
    /// <summary>The batch status changed to warning or critical, or back to healthy (or the first batch is not healthy).</summary>
    StatusChange,

    /// <summary>The status did not change, but the sequential detector (CUSUM) alarmed: a small shift has persisted.</summary>
    SequentialAlarm,

    /// <summary>
    /// Neither of the above, but the batch's data-quality check alarmed (a field's gaps or unseen categories jumped):
    /// usually a broken feed, news on every batch that shows it until it is fixed.
    /// </summary>
    DataQuality,
}
