using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring.Sequential;

public sealed class CusumTests
{
    [Fact]
    public void The_statistic_follows_Pages_recursion_and_restarts_after_an_alarm()
    {
        // μ₀ = 1, σ₀ = 2 → z = 0, 2, 1, 0, 3, 4, −1; k = 0.5, h = 2 (worked by hand).
        var detector = new CusumDetector(1, 2, 0.5, 2);
        var steps = detector.Run([1, 5, 3, 1, 7, 9, -1]);
        Assert.Equal([0, 2, 1, 0, 3, 4, -1], steps.Select(s => s.Standardized));
        Assert.Equal([0, 1.5, 0, 0, 0, 0, 0], steps.Select(s => s.Statistic));
        Assert.Equal([0, 1.5, 2.0, 0, 2.5, 3.5, 0], steps.Select(s => s.Peak));
        Assert.Equal([false, false, true, false, true, true, false], steps.Select(s => s.Alarm));
    }

    [Fact]
    public void Calibration_on_normal_noise_finds_the_published_threshold()
    {
        // One-sided CUSUM on N(0, 1) with k = 0.5: ARL₀ = 336 at h = 4 and 930 at h = 5 (Hawkins & Olwell, Cumulative
        // Sum Charts and Charting for Quality Improvement, 1998, table 3.1; Siegmund's approximation gives 338 and 938).
        var random = new RandomSource(7);
        var noise = Enumerable.Range(0, 4).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 20000).Select(_ => random.Normal()).ToArray()).ToArray();
        var at336 = CusumCalibration.Calibrate(noise, batchSize: 1, slack: 0.5, targetArl: 336, streams: 400);
        var at930 = CusumCalibration.Calibrate(noise, batchSize: 1, slack: 0.5, targetArl: 930, streams: 400);
        Assert.InRange(at336.Threshold, 3.85, 4.15);
        Assert.InRange(at930.Threshold, 4.85, 5.15);
        Assert.InRange(at336.InControlMean, -0.02, 0.02);
        Assert.InRange(at336.InControlStandardDeviation, 0.98, 1.02);
        Assert.True(at336.EstimatedArl >= 336 && at930.EstimatedArl >= 930);
    }

    [Fact]
    public void A_persistent_shift_of_two_sigma_is_caught_within_a_few_periods_and_a_clean_run_stays_quiet()
    {
        var detector = new CusumDetector(0, 1, 1.0, 6);
        var random = new RandomSource(11);
        var clean = Enumerable.Range(0, 200).Select(_ => random.Normal()).ToArray();
        Assert.DoesNotContain(detector.Run(clean), s => s.Alarm);
        // Each shifted period adds about 2 − k = 1 on average: the alarm comes near period h / 1 = 6, never at once.
        var shifted = Enumerable.Range(0, 30).Select(_ => 2 + random.Normal()).ToArray();
        var first = detector.Run(shifted).Select((s, i) => (s, i)).First(p => p.s.Alarm).i;
        Assert.InRange(first, 2, 12);
    }
}
