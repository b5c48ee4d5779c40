using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>
/// The alerting step after a batch is recorded: decide (<see cref="AlertPolicy"/>), send, and store what happened. The
/// batch record is already committed when this runs, so a failed delivery never loses it; the failure is stored next
/// to it and returned for the caller to report.
/// </summary>
public static class StatusNotifications
{
    /// <summary>
    /// Sends and records the alert for a freshly recorded batch when the policy says so. Returns the notification, or
    /// null when nothing was sent (unchanged quiet status without a sequential or data-quality alarm, or the batch was
    /// already recorded before — a re-run does not alert twice).
    /// </summary>
    public static NotificationRecord? Notify(
        HistoryStore store, RecordOutcome outcome, HistoryRecord record, bool sequentialAlarm, WebhookNotifier notifier, Uri url, AlertFormat format, string? report)
    {
        var dataQualityAlarm = record.Alerts.Any(a => a.Kind == HistoryMapping.DataQualityAlertKind);
        if (!outcome.Inserted || AlertPolicy.Decide(outcome.PreviousStatus, record.Status, sequentialAlarm, dataQualityAlarm) is not { } reason)
        {
            return null;
        }

        var notification = notifier.Send(url, AlertMessage.From(record, reason, outcome.PreviousStatus, report), format);
        store.RecordNotification(outcome.Id, notification);
        return notification;
    }
}
