using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>An alert raised for a recorded batch.</summary>
/// <param name="Kind">What raised it: <c>drift</c> (batch status warning or critical), <c>model</c> (a metric outside its alert range), <c>sequential</c> (the CUSUM alarm), or another key.</param>
/// <param name="Message">One line for people, e.g. <c>estimated accuracy</c> or <c>critical: score 43.1</c>.</param>
public sealed record HistoryAlert(string Kind, string Message);
