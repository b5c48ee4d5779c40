namespace ReturnMonitor.Evaluation;

/// <summary>How fast one detector caught one drift case over the simulated streams.</summary>
/// <param name="Streams">Streams simulated.</param>
/// <param name="Detected">Streams with an alarm between the onset and the end of the horizon.</param>
/// <param name="MeanDelay">Mean periods from the onset to the first alarm, over detected streams (0: caught in the first drifted period); NaN when none was.</param>
/// <param name="MedianDelay">Median of the same; NaN when none was detected.</param>
/// <param name="FalseAlarmsBeforeOnset">Alarms in the clean periods before the onset, summed over streams.</param>
public sealed record DetectionDelay(int Streams, int Detected, double MeanDelay, double MedianDelay, int FalseAlarmsBeforeOnset)
{
    /// <summary>Detected / streams.</summary>
    public double DetectionRate => Streams == 0 ? double.NaN : (double)Detected / Streams;

    /// <summary>Summarizes first-alarm delays (null when missed).</summary>
    public static DetectionDelay Of(IReadOnlyList<int?> delays, int falseAlarmsBeforeOnset)
    {
        var hits = delays.OfType<int>().Order().ToArray();
        double median = hits.Length == 0 ? double.NaN
            : hits.Length % 2 == 1 ? hits[hits.Length / 2]
            : (hits[hits.Length / 2 - 1] + hits[hits.Length / 2]) / 2.0;
        return new DetectionDelay(delays.Count, hits.Length, hits.Length == 0 ? double.NaN : hits.Average(), median, falseAlarmsBeforeOnset);
    }
}
