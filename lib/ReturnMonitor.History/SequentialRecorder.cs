using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>
/// Records a batch with the sequential detector's verdict: replays the CUSUM over the batches recorded before it (in
/// period order, the history is the detector's memory; each period standardized for its own number of orders), takes one
/// more step with this batch's evidence, adds a
/// <c>sequential</c> alert when it alarms, and stores the record with the detector's state.
/// </summary>
public static class SequentialRecorder
{
    /// <summary>Records <paramref name="record"/>; with a null <paramref name="detector"/> it is recorded without a sequential verdict.</summary>
    public static (RecordOutcome Outcome, HistoryRecord Record) Record(HistoryStore store, HistoryRecord record, CusumDetector? detector)
    {
        if (detector is not null)
        {
            var step = Next(store.Batches().Select(b => b.Record), record, detector);
            record = record with
            {
                Sequential = new HistorySequential(step.Peak, detector.Threshold, step.Alarm),
                Alerts = step.Alarm
                    ? [.. record.Alerts, new HistoryAlert("sequential", $"CUSUM {step.Peak:0.0} ≥ {detector.Threshold:0.0} σ: a shift has persisted over several periods")]
                    : record.Alerts,
            };
        }

        return (store.Record(record), record);
    }

    /// <summary>The detector's step for <paramref name="record"/> after the records before it (same period: those recorded earlier).</summary>
    public static CusumStep Next(IEnumerable<HistoryRecord> history, HistoryRecord record, CusumDetector detector)
    {
        var before = history
            .TakeWhile(r => r.Period.CompareTo(record.Period) <= 0 && !(r.Period.Label == record.Period.Label && r.ContentHash == record.ContentHash))
            .Where(r => r.Period.CompareTo(record.Period) <= 0)
            .Select(r => (r.Evidence, r.Rows));
        var statistic = 0.0;
        foreach (var (evidence, rows) in before)
        {
            statistic = detector.Step(statistic, evidence, rows).Statistic;
        }

        return detector.Step(statistic, record.Evidence, record.Rows);
    }
}
