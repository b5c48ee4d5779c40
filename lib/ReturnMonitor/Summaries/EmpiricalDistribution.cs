namespace ReturnMonitor.Summaries;

/// <summary>
/// A summary of a numeric sample: its distinct values in ascending order with how often each occurs — exact while the
/// sample has at most a limit of distinct values (<see cref="DefaultExactLimit"/>), a deterministic bucketed sketch past
/// it (<see cref="IsExact"/> false, error bound <see cref="CdfErrorBound"/>).
/// Every statistic of this project that depends only on the sample's empirical distribution (KS, Wasserstein,
/// deciles, mean, standard deviation) is computed from it — without loss when exact — and two summaries merge with
/// <see cref="Combine(EmpiricalDistribution, EmpiricalDistribution)"/> into the summary of the concatenated samples — so a reference profile never needs the raw file,
/// and partitions of a large file can be summarised independently, with the identical result for any split.
/// Memory is proportional to the number of distinct values, and never more than the limit, whatever the sample size.
/// </summary>
public sealed class EmpiricalDistribution
{
    /// <summary>
    /// Distinct values per column kept exactly (2^17 = 131,072: about 2.8 MB of run per column while reading, 3.3 MB
    /// as an exact distribution; 2^18 until the 1M vs 1M continuous benchmark had to fit in a quarter of pandas'
    /// memory, docs/continuous-numbers.md). Past it the distribution is
    /// bucketed into at most half as many buckets, each a value range of relative width 2^(level−52), keeping its
    /// smallest value: see <see cref="IsExact"/> and <see cref="CdfErrorBound"/>.
    /// </summary>
    public const int DefaultExactLimit = 1 << 17;

    private readonly double[] values;
    private readonly long[] counts;
    private readonly long[] cumulative;
    private readonly bool[]? mixed;

    private EmpiricalDistribution(double[] values, long[] counts, bool[]? mixed = null, int level = 0)
    {
        this.values = values;
        this.counts = counts;
        this.mixed = level == 0 ? null : mixed;
        SketchLevel = level;
        cumulative = new long[counts.Length];
        long total = 0;
        double sum = 0;
        long largestMixed = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            cumulative[i] = total;
            sum += values[i] * counts[i];
            if (this.mixed is not null && this.mixed[i])
            {
                largestMixed = Math.Max(largestMixed, counts[i]);
            }
        }

        Count = total;
        CdfErrorBound = total == 0 ? 0 : (double)largestMixed / total;
        // A constant sample has its value as mean and variance 0 exactly; sum/total could be off by an ulp
        // (0.1·3/3 ≠ 0.1), which made the "std = 0" case of a constant column unreachable.
        Mean = total == 0 ? double.NaN : values.Length == 1 ? values[0] : sum / total;
        double squares = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var d = values[i] - Mean;
            squares += d * d * counts[i];
        }

        Variance = total == 0 ? double.NaN : squares / total;
    }

    /// <summary>The empty distribution.</summary>
    public static EmpiricalDistribution Empty { get; } = new([], []);

    /// <summary>
    /// True when every value is kept (the sample had at most the exact limit of distinct values); false for the sketch,
    /// whose <see cref="Values"/> are bucket representatives (each the smallest value of its bucket).
    /// </summary>
    public bool IsExact => SketchLevel == 0;

    /// <summary>0 when exact; otherwise the sketch's level ℓ: a bucket spans a relative width of at most 2^(ℓ−52).</summary>
    public int SketchLevel { get; }

    /// <summary>
    /// Largest error of this summary's ECDF at any point, as a fraction of <see cref="Count"/>: 0 when exact, otherwise
    /// the largest share of observations in one bucket that holds more than one distinct value (the sketch's ECDF
    /// equals the true one everywhere outside such buckets). The error has one sign: a mixed bucket's observations all
    /// sit at its smallest value, so the sketch's ECDF is never below the true one and at most this bound above it.
    /// A KS statistic between two summaries is therefore within the sum of their bounds of the exact one, and a bin
    /// share (a difference of two ECDF values of one summary, both errors in [0, bound]) within the bound itself.
    /// </summary>
    public double CdfErrorBound { get; }

    /// <summary>Distinct values, ascending.</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>Occurrences of each value of <see cref="Values"/>; all positive.</summary>
    public ReadOnlySpan<long> Counts => counts;

    /// <summary>Number of observations (the sum of <see cref="Counts"/>).</summary>
    public long Count { get; }

    /// <summary>Arithmetic mean; NaN when empty.</summary>
    public double Mean { get; }

    /// <summary>Population variance (divisor n, numpy's default ddof=0); NaN when empty, 0 for one observation.</summary>
    public double Variance { get; }

    /// <summary>Population standard deviation, √<see cref="Variance"/>.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Smallest observed value; NaN when empty.</summary>
    public double Minimum => values.Length == 0 ? double.NaN : values[0];

    /// <summary>Largest observed value; NaN when empty.</summary>
    public double Maximum => values.Length == 0 ? double.NaN : values[^1];

    /// <summary>Summarises a sample. NaN values are not allowed (the CSV reader rejects them).</summary>
    /// <exception cref="ArgumentException">The sample contains NaN.</exception>
    public static EmpiricalDistribution FromSample(ReadOnlySpan<double> sample)
    {
        if (sample.IsEmpty)
        {
            return Empty;
        }

        var sorted = sample.ToArray();
        Array.Sort(sorted);
        if (double.IsNaN(sorted[^1]) || double.IsNaN(sorted[0]))
        {
            throw new ArgumentException("sample contains NaN", nameof(sample));
        }

        var distinct = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        var values = new double[distinct];
        var counts = new long[distinct];
        var k = 0;
        values[0] = sorted[0];
        counts[0] = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                k++;
                values[k] = sorted[i];
            }

            counts[k]++;
        }

        return new EmpiricalDistribution(values, counts);
    }

    /// <summary>Builds a distribution from (value, count) pairs in any order; repeated values are added up, zero counts dropped.</summary>
    /// <exception cref="ArgumentException">A value is NaN or a count is negative.</exception>
    public static EmpiricalDistribution FromCounts(IEnumerable<KeyValuePair<double, long>> valueCounts)
    {
        var pairs = valueCounts.ToArray();
        var keys = new double[pairs.Length];
        var amounts = new long[pairs.Length];
        var length = 0;
        foreach (var (value, count) in pairs)
        {
            if (double.IsNaN(value))
            {
                throw new ArgumentException("value is NaN", nameof(valueCounts));
            }

            if (count < 0)
            {
                throw new ArgumentException($"negative count {count} for value {value}", nameof(valueCounts));
            }

            if (count > 0)
            {
                // -0.0 and 0.0 are one value, as in a sort.
                keys[length] = value == 0 ? 0.0 : value;
                amounts[length++] = count;
            }
        }

        Array.Sort(keys, amounts, 0, length);
        var distinct = 0;
        for (var i = 0; i < length; i++)
        {
            if (distinct > 0 && keys[distinct - 1] == keys[i])
            {
                amounts[distinct - 1] += amounts[i];
            }
            else
            {
                keys[distinct] = keys[i];
                amounts[distinct++] = amounts[i];
            }
        }

        return new EmpiricalDistribution(keys[..distinct], amounts[..distinct]);
    }

    /// <summary>
    /// The distribution of the two samples taken together (associative and commutative): exact while the union has at
    /// most <see cref="DefaultExactLimit"/> distinct values, the sketch of the union otherwise — the same summary as
    /// that of the concatenated samples, whatever the split.
    /// </summary>
    public static EmpiricalDistribution Combine(EmpiricalDistribution a, EmpiricalDistribution b) => Combine(a, b, DefaultExactLimit);

    /// <summary>As <see cref="Combine(EmpiricalDistribution, EmpiricalDistribution)"/> with another exact limit.</summary>
    internal static EmpiricalDistribution Combine(EmpiricalDistribution a, EmpiricalDistribution b, int exactLimit)
    {
        if (b.Count == 0)
        {
            return Normalized(a, exactLimit);
        }

        if (a.Count == 0)
        {
            return Normalized(b, exactLimit);
        }

        return FromRun(SortedRun.Merge(a.ToRun(), b.ToRun(), exactLimit));
    }

    private static EmpiricalDistribution Normalized(EmpiricalDistribution d, int exactLimit)
    {
        var run = d.ToRun();
        var canonical = run.Normalize(exactLimit);
        return ReferenceEquals(run, canonical) ? d : FromRun(canonical);
    }

    /// <summary>The distribution of a run (its arrays are copied when longer than the run).</summary>
    internal static EmpiricalDistribution FromRun(SortedRun run)
    {
        if (run.Length == 0)
        {
            return Empty;
        }

        var v = run.Values.Length == run.Length ? run.Values : run.Values[..run.Length];
        var c = run.Counts.Length == run.Length ? run.Counts : run.Counts[..run.Length];
        var m = run.Mixed is null || run.Mixed.Length == run.Length ? run.Mixed : run.Mixed[..run.Length];
        return new EmpiricalDistribution(v, c, m, run.Level);
    }

    /// <summary>This distribution as a run (sharing its arrays, which neither side changes).</summary>
    internal SortedRun ToRun() => new(values, counts, mixed, values.Length, SketchLevel);

    /// <summary>Whether entry <paramref name="index"/> of <see cref="Values"/> is a bucket holding several distinct values.</summary>
    internal bool IsMixed(int index) => mixed is not null && mixed[index];

    /// <inheritdoc cref="Combine(EmpiricalDistribution, EmpiricalDistribution)"/>
    public static EmpiricalDistribution operator +(EmpiricalDistribution a, EmpiricalDistribution b) => Combine(a, b);

    /// <summary>Number of observations ≤ <paramref name="x"/> (the unnormalised ECDF, right-continuous).</summary>
    public long CountAtMost(double x)
    {
        var index = UpperBound(x);
        return index == 0 ? 0 : cumulative[index - 1];
    }

    /// <summary>Number of observations &lt; <paramref name="x"/>.</summary>
    public long CountBelow(double x)
    {
        var index = LowerBound(x);
        return index == 0 ? 0 : cumulative[index - 1];
    }

    /// <summary>Empirical CDF at <paramref name="x"/>: fraction of observations ≤ x, in [0, 1].</summary>
    public double Cdf(double x) => Count == 0 ? double.NaN : (double)CountAtMost(x) / Count;

    /// <summary>
    /// The q-th percentile (q in [0, 100]) with linear interpolation between order statistics, as
    /// <c>numpy.percentile(sample, q)</c> with its default method 'linear': position h = (n − 1)·q/100,
    /// result x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). NaN when empty.
    /// </summary>
    public double Percentile(double q)
    {
        if (q is < 0 or > 100 || double.IsNaN(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "percentile must be in [0, 100]");
        }

        if (Count == 0)
        {
            return double.NaN;
        }

        var h = (Count - 1) * (q / 100.0);
        var lower = (long)Math.Floor(h);
        var fraction = h - lower;
        var below = OrderStatistic(lower);
        if (fraction == 0 || lower + 1 >= Count)
        {
            return below;
        }

        var above = OrderStatistic(lower + 1);
        // numpy's _lerp: a + (b - a)·t, switching to b - (b - a)·(1 - t) for t ≥ 0.5 so that t = 1 returns b exactly.
        var diff = above - below;
        return fraction >= 0.5 ? above - diff * (1 - fraction) : below + diff * fraction;
    }

    /// <summary>The k-th smallest observation, k from 0 to Count − 1.</summary>
    public double OrderStatistic(long k)
    {
        if (k < 0 || k >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"order statistic index must be in [0, {Count - 1}]");
        }

        // First value whose cumulative count exceeds k.
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cumulative[mid] > k)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return values[lo];
    }

    private int UpperBound(double x)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int LowerBound(double x)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
