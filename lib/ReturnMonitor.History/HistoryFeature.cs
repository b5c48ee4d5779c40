using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>One feature's drift in a recorded batch.</summary>
/// <param name="Name">Feature (column) name.</param>
/// <param name="Psi">Population stability index, ≥ 0.</param>
/// <param name="Severity">None, moderate or severe.</param>
/// <param name="PValue">The feature test's p-value, uncorrected.</param>
/// <param name="AdjustedPValue">The p-value after the batch's multiple-testing correction.</param>
public sealed record HistoryFeature(string Name, double Psi, DriftSeverity Severity, double PValue, double AdjustedPValue);
