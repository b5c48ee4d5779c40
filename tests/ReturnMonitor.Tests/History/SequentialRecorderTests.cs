using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.History;

public sealed class SequentialRecorderTests
{
    /// <summary>Evidence of a fixture record is Σ PSI = 0.45 + 9·seed/100; μ₀ = 0.45, σ₀ = 0.09 makes z = seed.</summary>
    private static readonly CusumDetector Detector = new(0.45, 0.09, 1.0, 3.9);

    [Fact]
    public void The_history_is_the_detectors_memory_and_an_alarm_is_stored_as_an_alert()
    {
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        HistoryRecord Week(int w, int z) => HistoryFixtures.Record($"2026-W{w:00}", HistoryFixtures.Hash(w), seed: z, money: false);

        // z = 0, 3, 3 → S = 0, 2, 4 (alarm at h = 3.9), recorded one process run at a time.
        var states = new[] { Week(1, 0), Week(2, 3), Week(3, 3) }.Select(r => SequentialRecorder.Record(store, r, Detector).Record).ToArray();
        Assert.Equal([0, 2, 4], states.Select(r => Math.Round(r.Sequential!.Statistic, 9)));
        Assert.Equal([false, false, true], states.Select(r => r.Sequential!.Alarm));
        Assert.Equal("sequential", states[2].Alerts[^1].Kind);

        var stored = store.Batches().Select(b => b.Record).ToArray();
        Assert.Equal(states.Select(s => s.Sequential), stored.Select(s => s.Sequential));
        Assert.Equal(["sequential"], stored[2].Alerts.Select(a => a.Kind));

        // After the alarm the detector restarts: z = 3 → S = 2.
        Assert.Equal(2, SequentialRecorder.Record(store, Week(4, 3), Detector).Record.Sequential!.Statistic, 9);
        // Recording an old batch again gives the same verdict as when it was first recorded.
        Assert.Equal(states[1].Sequential, SequentialRecorder.Record(store, Week(2, 3), Detector).Record.Sequential);
    }

    [Fact]
    public void A_calibration_is_stored_once_per_reference_and_batch_size()
    {
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        var calibration = new SequentialCalibration(0.06, 0.012, 1, 6.1, 10000, 10050, 4_000_000, 0.46, 200, 2000, 40, 1000);
        Assert.Null(store.Calibration("abc", 1000, 1, 10000));
        store.SaveCalibration("abc", calibration);
        store.SaveCalibration("abc", calibration with { Threshold = 99 });
        Assert.Equal(calibration, store.Calibration("abc", 1000, 1, 10000));
        Assert.Null(store.Calibration("abc", 500, 1, 10000));
        Assert.Equal(DriftStatus.Healthy, store.Record(HistoryFixtures.Record("2026-W01", "h")).PreviousStatus ?? DriftStatus.Healthy);
    }
}
