using ReturnMonitor.Evaluation;

namespace ReturnMonitor.Tests.Evaluation;

public sealed class StreamEvaluationTests
{
    /// <summary>
    /// A small run (batches of 200, a target of 25 periods between false alarms so that false alarms happen often
    /// enough to count): the calibrated detector's false-alarm rate on fresh clean streams — new references, new
    /// batches — is near its target, and it catches the persistent shifts no later than the per-batch decision.
    /// </summary>
    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void On_simulated_streams_the_calibrated_CUSUM_keeps_its_false_alarm_rate_and_catches_slow_drift_earlier()
    {
        var options = new StreamEvaluationOptions(
            BatchSize: 200, ReferenceSize: 2000, CalibrationReferences: 12, CalibrationBatches: 40,
            CleanStreams: 8, CleanPeriods: 150, DriftStreams: 8, Onset: 4, Horizon: 14, TargetArl: 25, Seed: 99);
        var report = StreamEvaluation.Run(options);
        Assert.True(report.Calibration.EstimatedArl >= 25);
        var observed = report.Clean.SequentialMeanTimeBetween;
        Assert.InRange(observed, 25 / 2.0, 25 * 3.0);

        var slow = report.Cases.Single(c => c.Case == "slow_drift");
        Assert.Equal(8, slow.Sequential.Detected);
        Assert.True(slow.Sequential.MeanDelay < slow.PerBatch.MeanDelay || slow.PerBatch.Detected < slow.Sequential.Detected,
            $"sequential {slow.Sequential.MeanDelay} vs per-batch {slow.PerBatch.MeanDelay}");
        var flash = report.Cases.Single(c => c.Case == "flash_sale");
        Assert.Equal((8, 0.0), (flash.PerBatch.Detected, flash.PerBatch.MeanDelay));
    }
}
