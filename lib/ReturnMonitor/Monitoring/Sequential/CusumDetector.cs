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
    /// <summary>
    /// How many standard deviations of the reference's own sampling error the slack covers for batches larger than the
    /// calibrated size (see <see cref="Step(double, double, long)"/>): a reference further off than that is about one
    /// in 700 (normal tail), and only such a reference accumulates a false shift.
    /// </summary>
    public const double ReferenceErrorCover = 3;

    /// <summary>Orders in the batches μ₀ and σ₀ were calibrated for; 0 when unknown (the detector is then for that size only).</summary>
    public long CalibratedRows { get; init; }

    /// <summary>Orders in the reference the batches are compared with; 0 when unknown (the detector is then for one size only).</summary>
    public long ReferenceRows { get; init; }

    /// <summary>The detector's state after one more period with evidence <paramref name="evidence"/>.</summary>
    /// <param name="statistic">The statistic after the previous period (0 at the start).</param>
    /// <param name="evidence">The period's evidence.</param>
    public CusumStep Step(double statistic, double evidence) =>
        Next(statistic, evidence, (evidence - InControlMean) / InControlStandardDeviation, Slack);

    /// <summary>
    /// The step for a period of <paramref name="rows"/> orders, when periods differ in size (real months do). The summed
    /// PSI of a clean batch of n orders against a reference of m is sampling noise whose mean and standard deviation are
    /// both proportional to 1/n + 1/m (PSI is close to a scaled χ² divergence; measured on the demo model: μ₀ and σ₀
    /// at 25,000 orders are 1/5.1 and 1/5.6 of those at 1,000, where (1/n + 1/m) falls by 5), so μ₀ and σ₀ calibrated at
    /// <see cref="CalibratedRows"/> are scaled by s = (1/n + 1/m) / (1/n₀ + 1/m). Of that spread, the share
    /// ρ(n) = n / (n + m) is the reference's own error — the same in every period of a stream, a persistent offset that a
    /// CUSUM would accumulate like a shift. So for batches larger than calibrated the slack grows by
    /// <see cref="ReferenceErrorCover"/> · (ρ(n) − ρ(n₀)): the detector is then blind to persistent shifts smaller than the
    /// reference's own sampling error, which no monitor comparing with that reference can tell from noise. Without
    /// <see cref="CalibratedRows"/> and <see cref="ReferenceRows"/>, or at the calibrated size, this is
    /// <see cref="Step(double, double)"/>.
    /// </summary>
    public CusumStep Step(double statistic, double evidence, long rows)
    {
        if (CalibratedRows <= 0 || ReferenceRows <= 0 || rows <= 0 || rows == CalibratedRows)
        {
            return Step(statistic, evidence);
        }

        var scale = Noise(rows) / Noise(CalibratedRows);
        var z = (evidence - (InControlMean * scale)) / (InControlStandardDeviation * scale);
        var slack = Slack + (ReferenceErrorCover * Math.Max(0, ReferenceShare(rows) - ReferenceShare(CalibratedRows)));
        return Next(statistic, evidence, z, slack);
    }

    private double Noise(long rows) => (1.0 / rows) + (1.0 / ReferenceRows);

    private double ReferenceShare(long rows) => (double)rows / (rows + ReferenceRows);

    private CusumStep Next(double statistic, double evidence, double z, double slack)
    {
        var next = Math.Max(0, statistic + z - slack);
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
