namespace ReturnMonitor.Summaries;

/// <summary>
/// Exact counts of the values of one numeric feature, built for speed on the hot path of a streaming read.
/// Values written as a small non-negative integer <c>m</c> or as <c>m/10</c> (one decimal) — the common case for order data —
/// go to flat arrays indexed by <c>m</c>; every other value goes to a dictionary keyed by the double itself.
/// <see cref="ToDistribution"/> folds both into the exact <see cref="EmpiricalDistribution"/>: "5", "5.0" and 5d are one value.
/// </summary>
internal sealed class ValueCounter
{
    /// <summary>Exclusive upper bound of the mantissas counted in the flat arrays.</summary>
    public const int SmallLimit = 1 << 14;

    private long[]? whole;
    private long[]? tenths;
    private readonly Dictionary<double, long> other = new();

    /// <summary>Counts the value <paramref name="mantissa"/>·10^−<paramref name="scale"/>; the caller has checked that it is valid.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddScaled(long mantissa, int scale, double value)
    {
        if ((ulong)mantissa < SmallLimit)
        {
            if (scale == 0)
            {
                (whole ??= new long[SmallLimit])[mantissa]++;
                return;
            }

            if (scale == 1)
            {
                (tenths ??= new long[SmallLimit])[mantissa]++;
                return;
            }
        }

        Add(value);
    }

    /// <summary>Counts <paramref name="count"/> occurrences of one value (not NaN).</summary>
    public void Add(double value, long count = 1)
    {
        // -0.0 and 0.0 are one value, as in EmpiricalDistribution.FromCounts.
        var key = value == 0 ? 0.0 : value;
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(other, key, out _);
        slot += count;
    }

    /// <summary>Adds the counts of <paramref name="source"/> to this counter.</summary>
    public void Merge(ValueCounter source)
    {
        MergeArray(ref whole, source.whole);
        MergeArray(ref tenths, source.tenths);
        foreach (var (value, count) in source.other)
        {
            other[value] = other.GetValueOrDefault(value) + count;
        }
    }

    /// <summary>The exact distribution of all values counted.</summary>
    public EmpiricalDistribution ToDistribution()
    {
        var pairs = new List<KeyValuePair<double, long>>(other.Count + 64);
        pairs.AddRange(other);
        if (whole is not null)
        {
            for (var m = 0; m < whole.Length; m++)
            {
                if (whole[m] != 0)
                {
                    pairs.Add(new(m, whole[m]));
                }
            }
        }

        if (tenths is not null)
        {
            for (var m = 0; m < tenths.Length; m++)
            {
                if (tenths[m] != 0)
                {
                    // m and 10 are exact doubles and division is correctly rounded: the same double as parsing "m/10" in decimal.
                    pairs.Add(new(m / 10.0, tenths[m]));
                }
            }
        }

        return EmpiricalDistribution.FromCounts(pairs);
    }

    private static void MergeArray(ref long[]? target, long[]? source)
    {
        if (source is null)
        {
            return;
        }

        if (target is null)
        {
            target = (long[])source.Clone();
            return;
        }

        for (var i = 0; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
