namespace ReturnMonitor.Evaluation;

/// <summary>Alarms of both detectors on the same clean streams.</summary>
/// <param name="Periods">Clean periods simulated in all.</param>
/// <param name="PerBatchAlarms">Periods whose per-batch status was warning or critical.</param>
/// <param name="SequentialAlarms">Alarms of the CUSUM (it restarts after each).</param>
public sealed record FalseAlarmCount(long Periods, long PerBatchAlarms, long SequentialAlarms)
{
    /// <summary>Mean periods between false alarms of the per-batch decision; +∞ when there was none (then it is more than <see cref="Periods"/>).</summary>
    public double PerBatchMeanTimeBetween => PerBatchAlarms == 0 ? double.PositiveInfinity : (double)Periods / PerBatchAlarms;

    /// <summary>Mean periods between false alarms of the sequential detector; +∞ when there was none.</summary>
    public double SequentialMeanTimeBetween => SequentialAlarms == 0 ? double.PositiveInfinity : (double)Periods / SequentialAlarms;
}
