using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>The body of a webhook alert.</summary>
public enum AlertFormat
{
    /// <summary>ReturnMonitor's own JSON document (<c>format: returnmonitor-alert</c>).</summary>
    Json,

    /// <summary>Slack's incoming-webhook shape: <c>text</c> (fallback and notification line) and Block Kit <c>blocks</c>.</summary>
    Slack,
}
