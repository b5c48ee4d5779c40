namespace ReturnMonitor.Monitoring;

/// <summary>How the sequential detector was calibrated, and the detector it gives.</summary>
/// <param name="InControlMean">μ₀: mean drift evidence (summed PSI) of clean batches.</param>
/// <param name="InControlStandardDeviation">σ₀: its standard deviation.</param>
/// <param name="Slack">k, in σ₀.</param>
/// <param name="Threshold">h, in σ₀: the smallest (to 0.01) whose simulated ARL₀ reaches the target.</param>
/// <param name="TargetArl">Wanted mean time between false alarms, periods.</param>
/// <param name="EstimatedArl">Simulated mean time between false alarms at <see cref="Threshold"/>: clean periods / alarms (+∞ when none).</param>
/// <param name="SimulatedPeriods">Clean periods simulated for <see cref="EstimatedArl"/>.</param>
/// <param name="WorstReferenceOffset">Largest mean standardized evidence of one reference group, in σ₀: how far the worst reference's own sampling error moves clean batches.</param>
/// <param name="Streams">Clean streams simulated.</param>
/// <param name="CleanBatches">Clean batches whose evidence was used.</param>
/// <param name="References">Reference groups they were compared with.</param>
/// <param name="BatchSize">Orders per batch calibrated for.</param>
public sealed record SequentialCalibration(
    double InControlMean,
    double InControlStandardDeviation,
    double Slack,
    double Threshold,
    double TargetArl,
    double EstimatedArl,
    long SimulatedPeriods,
    double WorstReferenceOffset,
    int Streams,
    int CleanBatches,
    int References,
    int BatchSize)
{
    /// <summary>The calibrated detector, for batches of <see cref="BatchSize"/> orders.</summary>
    public CusumDetector Detector => new(InControlMean, InControlStandardDeviation, Slack, Threshold) { CalibratedRows = BatchSize };

    /// <summary>
    /// The calibrated detector for batches of any size compared with a reference of <paramref name="referenceRows"/>
    /// orders (see <see cref="CusumDetector.Step(double, double, long)"/>).
    /// </summary>
    public CusumDetector DetectorFor(long referenceRows) => Detector with { ReferenceRows = referenceRows };
}
