using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>A record as stored: its row id (recording order) and the record.</summary>
/// <param name="Id">Row id in the <c>batches</c> table; increases with each new record.</param>
/// <param name="Record">The record.</param>
public sealed record HistoryEntry(long Id, HistoryRecord Record);
