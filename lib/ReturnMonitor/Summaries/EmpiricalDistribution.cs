namespace ReturnMonitor.Summaries;

/// <summary>
/// An exact summary of a numeric sample: its distinct values in ascending order with how often each occurs.
/// Every statistic of this project that depends only on the sample's empirical distribution (KS, Wasserstein,
/// deciles, mean, standard deviation) is computed from it without loss, and two summaries merge with
/// <see cref="Combine"/> into the summary of the concatenated samples — so a reference profile never needs the raw file,
/// and partitions of a large file can be summarised independently.
/// Memory is proportional to the number of distinct values, not to the sample size.
/// </summary>
public sealed class EmpiricalDistribution
{
    private readonly double[] values;
    private readonly long[] counts;
    private readonly long[] cumulative;

    private EmpiricalDistribution(double[] values, long[] counts)
    {
        this.values = values;
        this.counts = counts;
        cumulative = new long[counts.Length];
        long total = 0;
        double sum = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            total += counts[i];
            cumulative[i] = total;
            sum += values[i] * counts[i];
        }

        Count = total;
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
        var merged = new SortedDictionary<double, long>();
        foreach (var (value, count) in valueCounts)
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
                var key = value == 0 ? 0.0 : value;
                merged[key] = merged.GetValueOrDefault(key) + count;
            }
        }

        return new EmpiricalDistribution(merged.Keys.ToArray(), merged.Values.ToArray());
    }

    /// <summary>The distribution of the two samples taken together (exact; associative and commutative).</summary>
    public static EmpiricalDistribution Combine(EmpiricalDistribution a, EmpiricalDistribution b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        if (b.Count == 0)
        {
            return a;
        }

        var values = new List<double>(a.values.Length + b.values.Length);
        var counts = new List<long>(a.values.Length + b.values.Length);
        int i = 0, j = 0;
        while (i < a.values.Length || j < b.values.Length)
        {
            if (j >= b.values.Length || (i < a.values.Length && a.values[i] < b.values[j]))
            {
                values.Add(a.values[i]);
                counts.Add(a.counts[i++]);
            }
            else if (i >= a.values.Length || b.values[j] < a.values[i])
            {
                values.Add(b.values[j]);
                counts.Add(b.counts[j++]);
            }
            else
            {
                values.Add(a.values[i]);
                counts.Add(a.counts[i++] + b.counts[j++]);
            }
        }

        return new EmpiricalDistribution(values.ToArray(), counts.ToArray());
    }

    /// <inheritdoc cref="Combine"/>
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
