using ReturnMonitor.Data;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Chooses the CUSUM threshold h by simulation so that the mean time between false alarms on clean streams reaches a
/// target. Input: drift evidence of clean batches, grouped by the reference they were compared with. A stream always
/// uses one fixed reference, and the reference's own sampling error is a persistent offset that the CUSUM accumulates
/// like a real shift: with some references it alarms far more often than with others. So the simulation runs long
/// clean streams per reference group (standardized values drawn with replacement from the group, restarting after each
/// alarm) and states the mean time between false alarms as all simulated periods / all alarms — the rate a user with a
/// randomly drawn reference sees, which the rare bad references dominate (the mean first-alarm time would hide them).
/// μ₀ and σ₀ are the mean and standard deviation over all clean batches. Every h is evaluated on the same random
/// numbers, so the alarm count is monotone in h and bisection finds the smallest h (to 0.01 σ) that meets the target.
/// </summary>
public static class CusumCalibration
{
    /// <summary>
    /// Default slack k: tuned for a persistent shift of two in-control standard deviations. Larger than the textbook 0.5
    /// because a reference's sampling error already offsets clean evidence by a few tenths of σ₀ (measured: the spread of
    /// per-reference means); with k = 0.5 those references alarm every few hundred periods.
    /// </summary>
    public const double DefaultSlack = 1.0;

    /// <summary>Default target mean time between false alarms, in periods (about 190 years of weekly batches).</summary>
    public const double DefaultTargetArl = 10000;

    /// <summary>At most this many stored draws (32 MB); longer simulations draw on the fly.</summary>
    private const long MaxStoredDraws = 16_000_000;

    /// <summary>Calibrates from clean-batch evidence grouped by reference.</summary>
    /// <param name="cleanEvidence">Per reference, the evidence of clean batches compared with it (at least two values in all).</param>
    /// <param name="batchSize">Orders per batch the evidence was simulated for (recorded, not used in the arithmetic).</param>
    /// <param name="slack">k in standard deviations, ≥ 0.</param>
    /// <param name="targetArl">Wanted ARL₀ in periods, ≥ 2.</param>
    /// <param name="streams">Simulated clean streams per evaluation of h (spread over the groups), each 2 × target periods long.</param>
    /// <param name="seed">Seed of the stream simulation.</param>
    public static SequentialCalibration Calibrate(
        IReadOnlyList<IReadOnlyList<double>> cleanEvidence,
        int batchSize,
        double slack = DefaultSlack,
        double targetArl = DefaultTargetArl,
        int streams = 200,
        ulong seed = OrderGenerator.DefaultSeed)
    {
        var all = cleanEvidence.SelectMany(g => g).ToArray();
        if (all.Length < 2 || cleanEvidence.Any(g => g.Count == 0))
        {
            throw new ArgumentException("calibration needs clean evidence in every reference group and at least two values", nameof(cleanEvidence));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(targetArl, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(slack);
        var mean = all.Average();
        var sd = Math.Sqrt(all.Sum(x => (x - mean) * (x - mean)) / (all.Length - 1));
        if (!(sd > 0))
        {
            throw new ArgumentException("clean evidence has no spread: cannot standardize", nameof(cleanEvidence));
        }

        var groups = cleanEvidence.Select(g => g.Select(x => (x - mean) / sd).ToArray()).ToArray();
        var length = (int)Math.Min(int.MaxValue / 4, Math.Ceiling(2 * targetArl));
        var draws = StoredDraws(groups, length, streams, seed);
        // The bisection asks for some thresholds twice (the last one always): each is simulated once.
        var known = new Dictionary<double, double>();
        double ArlAt(double h) => known.TryGetValue(h, out var arl) ? arl : known[h] = MeanTimeBetweenAlarms(groups, slack, h, length, streams, seed, draws);
        var low = 0.0;
        var high = 1.0;
        while (ArlAt(high) < targetArl)
        {
            low = high;
            high *= 2;
        }

        while (high - low > 0.01)
        {
            var middle = (low + high) / 2;
            if (ArlAt(middle) >= targetArl)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        var arl = ArlAt(high);
        return new SequentialCalibration(mean, sd, slack, high, targetArl, arl, (long)streams * length, cleanEvidence.Select(g => g.Average()).Select(m => (m - mean) / sd).Max(), streams, all.Length, cleanEvidence.Count, batchSize);
    }

    /// <summary>
    /// Clean-batch evidence by double bootstrap from a sample of the reference orders, for data whose generator is
    /// unknown: each of <paramref name="references"/> pseudo-references is <paramref name="referenceSize"/> orders drawn
    /// with replacement from the sample, and each of its batches <paramref name="batchSize"/> orders drawn likewise —
    /// both sides carry sampling error, as a real reference and a real clean batch do. Reference group r draws its
    /// rows from its own seed (derived from <paramref name="seed"/> and r), so the result does not depend on how many
    /// groups run at once. The evidence is computed from resampled counts (<see cref="ResampledEvidence"/>): equal, bit
    /// for bit, to fitting a profile on each resampled reference and comparing each resampled batch with it, which
    /// took minutes on a real file (the KS p-values of 1,000 full comparisons) and now takes well under a second.
    /// </summary>
    /// <exception cref="ArgumentException">The sample has fewer than two orders.</exception>
    public static IReadOnlyList<IReadOnlyList<double>> BootstrapEvidence(
        OrderTable referenceSample, int referenceSize, int batchSize, int references = 20, int batchesPerReference = 50, ulong seed = OrderGenerator.DefaultSeed)
    {
        var resampled = new ResampledEvidence(referenceSample);
        var groups = new IReadOnlyList<double>[references];
        Parallel.For(0, references, r =>
            groups[r] = resampled.Group(referenceSize, batchSize, batchesPerReference, new RandomSource(RandomSource.DeriveSeed(seed, $"cusum/reference/{r}"))));
        return groups;
    }

    /// <summary>
    /// The draws of every simulated stream, made once: each evaluation of h replays the same random numbers (which is
    /// what makes the alarm count monotone in h), and drawing them again was most of the simulation's time. Kept as
    /// indices into the stream's group, two bytes each (8 MB at the defaults: 200 streams of 20,000 periods); null when
    /// they would take more than <see cref="MaxStoredDraws"/> or a group is too long, and the draws are then made again
    /// in every evaluation — the same numbers either way.
    /// </summary>
    private static ushort[][]? StoredDraws(double[][] groups, int length, int streams, ulong seed)
    {
        if ((long)streams * length > MaxStoredDraws || groups.Any(g => g.Length > ushort.MaxValue + 1))
        {
            return null;
        }

        var draws = new ushort[streams][];
        Parallel.For(0, streams, s =>
        {
            var size = groups[s % groups.Length].Length;
            var random = StreamRandom(seed, s);
            var stream = new ushort[length];
            for (var t = 0; t < length; t++)
            {
                stream[t] = (ushort)random.NextInt(0, size);
            }

            draws[s] = stream;
        });
        return draws;
    }

    private static RandomSource StreamRandom(ulong seed, int stream) => new(RandomSource.DeriveSeed(seed, $"cusum/stream/{stream}"));

    /// <summary>Simulated periods / alarms over <paramref name="streams"/> clean streams of <paramref name="length"/> periods (+∞ without alarms).</summary>
    private static double MeanTimeBetweenAlarms(double[][] groups, double slack, double threshold, int length, int streams, ulong seed, ushort[][]? draws)
    {
        var alarms = new long[streams];
        Parallel.For(0, streams, s =>
        {
            var group = groups[s % groups.Length];
            if (draws is null)
            {
                var random = StreamRandom(seed, s);
                alarms[s] = CusumDetector.CountAlarms(() => group[random.NextInt(0, group.Length)], slack, threshold, length);
                return;
            }

            // CusumDetector.CountAlarms over the stored draws, inlined: the same arithmetic in the same order.
            var statistic = 0.0;
            long count = 0;
            foreach (var draw in draws[s])
            {
                statistic = Math.Max(0, statistic + group[draw] - slack);
                if (statistic >= threshold)
                {
                    count++;
                    statistic = 0;
                }
            }

            alarms[s] = count;
        });
        var total = alarms.Sum();
        return total == 0 ? double.PositiveInfinity : (double)streams * length / total;
    }
}
