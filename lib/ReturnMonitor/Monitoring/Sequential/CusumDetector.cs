namespace ReturnMonitor.Monitoring;

/// <summary>
/// Page's one-sided CUSUM on standardized drift evidence: z_t = (x_t − μ₀)/σ₀, S_t = max(0, S_{t−1} + z_t − k), alarm
/// when S_t ≥ h, then restart from 0. Small shifts that persist add up period after period; a clean stream drifts
/// back to 0 because each period subtracts the slack k. μ₀ and σ₀ describe the evidence on clean batches (of the same
/// size, against the same reference); k (in σ₀) is half the shift the detector is tuned for; h (in σ₀) sets the mean
/// time between false alarms (average run length, ARL₀), chosen by simulation in <see cref="CusumCalibration"/>.
/// Reference: E. S. Page, "Continuous inspection schemes", Biometrika 41 (1954); Montgomery, Introduction to
/// Statistical Quality Control, ch. 9.
/// </summary>
/// <param name="InControlMean">μ₀: mean evidence on clean batches.</param>
/// <param name="InControlStandardDeviation">σ₀: its standard deviation, &gt; 0.</param>
/// <param name="Slack">k, in standard deviations (0.5 tunes for a shift of one σ₀).</param>
/// <param name="Threshold">h, in standard deviations, &gt; 0.</param>
public sealed record CusumDetector(double InControlMean, double InControlStandardDeviation, double Slack, double Threshold)
{
    /// <summary>The detector's state after one more period with evidence <paramref name="evidence"/>.</summary>
    /// <param name="statistic">The statistic after the previous period (0 at the start).</param>
    /// <param name="evidence">The period's evidence.</param>
    public CusumStep Step(double statistic, double evidence)
    {
        var z = (evidence - InControlMean) / InControlStandardDeviation;
        var next = Math.Max(0, statistic + z - Slack);
        var alarm = next >= Threshold;
        return new CusumStep(evidence, z, alarm ? 0 : next, alarm, next);
    }

    /// <summary>Runs the detector over a sequence of periods from a statistic of 0.</summary>
    public IReadOnlyList<CusumStep> Run(IEnumerable<double> evidence)
    {
        var steps = new List<CusumStep>();
        var statistic = 0.0;
        foreach (var x in evidence)
        {
            var step = Step(statistic, x);
            steps.Add(step);
            statistic = step.Statistic;
        }

        return steps;
    }

    /// <summary>
    /// Alarms in <paramref name="periods"/> periods of standardized values drawn by <paramref name="draw"/>, restarting
    /// from 0 after each alarm. Used for the false-alarm simulation.
    /// </summary>
    public static long CountAlarms(Func<double> draw, double slack, double threshold, int periods)
    {
        var statistic = 0.0;
        long alarms = 0;
        for (var t = 0; t < periods; t++)
        {
            statistic = Math.Max(0, statistic + draw() - slack);
            if (statistic >= threshold)
            {
                alarms++;
                statistic = 0;
            }
        }

        return alarms;
    }
}
