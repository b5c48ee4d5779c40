using ReturnMonitor.History;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.History;

/// <summary>
/// The sequential detector on periods of different sizes (real months). Numbers are the demo model's measured
/// calibrations (docs/your-own-orders.md, reference of 5,000 orders): at 1,000 orders μ₀ = 0.0638, σ₀ = 0.0128; at
/// 25,000 orders μ₀ = 0.0126, σ₀ = 0.0023. Before the fix the history was replayed with the detector calibrated for the
/// current batch's size, so a clean 1,000-order month read with the 25,000-order calibration was z ≈ 22 σ₀.
/// </summary>
public sealed class UnequalPeriodSizeTests
{
    private const long ReferenceRows = 5000;

    private static CusumDetector CalibratedAt25000 => new CusumDetector(0.0126, 0.0023, 1.0, 6.0) { CalibratedRows = 25_000, ReferenceRows = ReferenceRows };

    [Fact]
    public void At_the_calibrated_size_the_step_is_the_fixed_size_step()
    {
        var detector = CalibratedAt25000;
        foreach (var (statistic, evidence) in new[] { (0.0, 0.0126), (2.5, 0.02), (0.3, 0.001) })
        {
            Assert.Equal(detector.Step(statistic, evidence), detector.Step(statistic, evidence, 25_000));
        }
    }

    [Fact]
    public void A_smaller_period_is_standardized_with_the_moments_of_its_own_size()
    {
        // (1/1000 + 1/5000) / (1/25000 + 1/5000) = 5: μ = 0.063, σ = 0.0115 for a 1,000-order period.
        var step = CalibratedAt25000.Step(0, 0.0638, 1000);
        Assert.Equal((0.0638 - 0.063) / 0.0115, step.Standardized, 9);
        // The fixed-size step reads the same clean month as a huge shift (the fault).
        Assert.True(CalibratedAt25000.Step(0, 0.0638).Standardized > 20);
    }

    [Fact]
    public void A_larger_period_gets_a_slack_covering_the_references_own_error()
    {
        var detector = new CusumDetector(0.0638, 0.0128, 1.0, 6.0) { CalibratedRows = 1000, ReferenceRows = ReferenceRows };
        // ρ(25,000) − ρ(1,000) = 25/30 − 1/6 = 2/3: the slack is 1 + 3 · 2/3 = 3; z of a 2.5 σ offset then adds nothing.
        var scale = (1.0 / 25_000 + 1.0 / 5000) / (1.0 / 1000 + 1.0 / 5000);
        var step = detector.Step(0, (0.0638 + (2.5 * 0.0128)) * scale, 25_000);
        Assert.Equal(2.5, step.Standardized, 9);
        Assert.Equal(0, step.Statistic);
        // A period smaller than calibrated keeps k = 1: a 2.5 σ offset accumulates 1.5.
        scale = (1.0 / 500 + 1.0 / 5000) / (1.0 / 1000 + 1.0 / 5000);
        Assert.Equal(1.5, detector.Step(0, (0.0638 + (2.5 * 0.0128)) * scale, 500).Statistic, 9);
    }

    [Fact]
    public void Replaying_clean_months_of_other_sizes_does_not_alarm()
    {
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        // Clean months of 25,000 orders (Σ PSI at its null mean), then a clean one of 1,000, all read with the detector
        // calibrated at 25,000 orders.
        foreach (var month in new[] { 1, 2, 3 })
        {
            var record = HistoryFixtures.Record($"2026-{month:00}", HistoryFixtures.Hash(month), money: false);
            store.Record(record with { Rows = 25_000, Features = Scaled(record, 0.0126) });
        }

        var april = HistoryFixtures.Record("2026-04", HistoryFixtures.Hash(4), money: false);
        april = april with { Rows = 1000, Features = Scaled(april, 0.0638) };

        var step = SequentialRecorder.Next(store.Batches().Select(b => b.Record), april, CalibratedAt25000);
        Assert.False(step.Alarm);
        Assert.True(step.Peak < 1, $"CUSUM {step.Peak}");
        // Read without its size (the fixed-size detector, as before the fix) the same clean month alarms at once.
        Assert.True(SequentialRecorder.Next(store.Batches().Select(b => b.Record), april, CalibratedAt25000 with { CalibratedRows = 0 }).Alarm);
    }

    [Fact]
    public void The_first_calibration_of_a_reference_serves_every_batch_size()
    {
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        var calibration = new SequentialCalibration(0.06, 0.012, 1, 6.1, 10000, 10050, 4_000_000, 0.46, 200, 2000, 40, 1000);
        Assert.Null(store.FirstCalibration("abc", 1, 10000));
        store.SaveCalibration("abc", calibration);
        store.SaveCalibration("abc", calibration with { BatchSize = 3000, Threshold = 99 });
        Assert.Equal(calibration, store.FirstCalibration("abc", 1, 10000));
        Assert.Null(store.FirstCalibration("other", 1, 10000));
        Assert.Equal(1000, calibration.DetectorFor(ReferenceRows).CalibratedRows);
        Assert.Equal(ReferenceRows, calibration.DetectorFor(ReferenceRows).ReferenceRows);
    }

    // The record's features with PSIs scaled to sum to total (the evidence the detector reads).
    private static IReadOnlyList<HistoryFeature> Scaled(HistoryRecord record, double total)
    {
        var sum = record.Features.Sum(f => f.Psi);
        return record.Features.Select(f => f with { Psi = f.Psi * total / sum }).ToArray();
    }
}
