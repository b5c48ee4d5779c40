using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>A notification as stored in the history.</summary>
/// <param name="Id">Row id in the <c>notifications</c> table.</param>
/// <param name="BatchId">The batch it was sent for.</param>
/// <param name="Period">That batch's period label.</param>
/// <param name="Notification">What was sent and how delivery went.</param>
public sealed record HistoryNotification(long Id, long BatchId, string Period, NotificationRecord Notification);
