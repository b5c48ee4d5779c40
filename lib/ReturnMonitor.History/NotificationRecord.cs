using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>A webhook alert that was sent (or tried) for a status change, with every delivery attempt.</summary>
/// <param name="Target">Where it went, redacted by <see cref="UrlRedaction"/> to scheme, host and port, <c>/…</c> marking the cut (webhook paths, queries and user info are secrets).</param>
/// <param name="Format"><c>json</c> or <c>slack</c>.</param>
/// <param name="PreviousStatus">Status of the batch before, or null for the first batch.</param>
/// <param name="Status">Status of the batch that triggered the alert.</param>
/// <param name="Payload">The JSON body sent.</param>
/// <param name="Attempts">Every attempt, in order; the last one succeeded when <see cref="Delivered"/>.</param>
public sealed record NotificationRecord(string Target, string Format, DriftStatus? PreviousStatus, DriftStatus Status, string Payload, IReadOnlyList<DeliveryAttempt> Attempts)
{
    /// <summary>Whether an attempt got a 2xx response.</summary>
    public bool Delivered => Attempts.Count > 0 && Attempts[^1].Succeeded;
}
