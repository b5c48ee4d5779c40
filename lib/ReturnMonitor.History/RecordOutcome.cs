using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>What <see cref="HistoryStore.Record"/> did.</summary>
/// <param name="Id">Row id of the record (new or the one already there).</param>
/// <param name="Inserted">False when the same period and content hash were already recorded (nothing changed).</param>
/// <param name="PreviousStatus">Status of the batch just before this one in period order, or null when it is the first.</param>
public sealed record RecordOutcome(long Id, bool Inserted, DriftStatus? PreviousStatus);
