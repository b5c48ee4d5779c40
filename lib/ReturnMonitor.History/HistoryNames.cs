using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>How statuses and severities are spelled in the history database: lower-case, as in the JSON output.</summary>
internal static class HistoryNames
{
    public static string Of(DriftStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(DriftSeverity severity) => severity.ToString().ToLowerInvariant();

    public static DriftStatus Status(string text) => Enum.Parse<DriftStatus>(text, ignoreCase: true);

    public static DriftSeverity Severity(string text) => Enum.Parse<DriftSeverity>(text, ignoreCase: true);
}
