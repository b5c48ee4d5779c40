namespace ReturnMonitor.Summaries;

/// <summary>
/// The compact state behind <see cref="EmpiricalDistribution"/> and the numeric value counters: distinct values in
/// ascending order with their counts (run-length form), exact while the values are at most a limit in number, and past
/// it a deterministic bucketed form (the "sketch").
/// </summary>
/// <remarks>
/// <para>
/// The sketch at level ℓ ≥ 1 puts every value into the bucket <c>Key(v) ≫ ℓ</c>, where <see cref="Key"/> maps a double
/// to an unsigned integer in the same order (its IEEE bit pattern with the sign folded): a bucket is a contiguous range
/// of values whose width is at most 2^(ℓ−52) relative to its values. A bucket keeps its smallest observed value (the
/// representative), its count, and whether it holds more than one distinct value ("mixed"). Only a mixed bucket loses
/// information: the ECDF of the sketch differs from the true ECDF only inside one mixed bucket at a time, by at most
/// that bucket's share of the observations.
/// </para>
/// <para>
/// Canonical form of a multiset S for a limit L: exact when S has at most L distinct values, otherwise the sketch at the
/// smallest level ℓ ≥ 1 with at most L/2 buckets. <see cref="Merge"/> of two canonical runs is the canonical run of the
/// union (a subset never needs a coarser level than the whole, and the bucket counts fall with ℓ), so any split of the
/// data, merged in any order, gives the identical result: the sketch is mergeable without randomness. Memory per
/// column is bounded by L entries whatever the number of rows.
/// </para>
/// </remarks>
internal sealed class SortedRun
{
    /// <summary>Highest level: two buckets at most (the sign and the rest).</summary>
    public const int MaxLevel = 63;

    /// <summary>Creates a run; the arrays are owned by it from now on (a shorter <paramref name="length"/> ignores their tail).</summary>
    public SortedRun(double[] values, long[] counts, bool[]? mixed, int length, int level)
    {
        Values = values;
        Counts = counts;
        Mixed = mixed;
        Length = length;
        Level = level;
    }

    /// <summary>The empty exact run.</summary>
    public static SortedRun Empty { get; } = new([], [], null, 0, 0);

    /// <summary>Distinct values (level 0) or bucket representatives (their smallest value), ascending.</summary>
    public double[] Values { get; }

    /// <summary>Occurrences per entry, all positive.</summary>
    public long[] Counts { get; }

    /// <summary>Per entry, whether the bucket holds more than one distinct value; null when none does.</summary>
    public bool[]? Mixed { get; }

    /// <summary>Entries in use.</summary>
    public int Length { get; }

    /// <summary>0 for exact; otherwise the number of low key bits dropped.</summary>
    public int Level { get; }

    /// <summary>Maps a double (not NaN; −0 already folded to 0) to an unsigned key in the same order.</summary>
    public static ulong Key(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    /// <summary>Sorts <paramref name="values"/> (no NaN, −0 folded) and collapses equal values into an exact run.</summary>
    public static SortedRun FromUnsorted(double[] values, int length)
    {
        var counts = new long[length];
        var distinct = SortAndCount(values, counts, length);
        return new SortedRun(values, counts, null, distinct, 0);
    }

    /// <summary>
    /// Sorts <paramref name="values"/>[..<paramref name="length"/>] (no NaN, −0 folded) and collapses equal values in
    /// place, their counts into <paramref name="counts"/>; returns the number of distinct values.
    /// </summary>
    public static int SortAndCount(double[] values, long[] counts, int length)
    {
        KeySort.Sort(values.AsSpan(0, length));
        var distinct = 0;
        for (var i = 0; i < length; i++)
        {
            if (distinct > 0 && values[distinct - 1] == values[i])
            {
                counts[distinct - 1]++;
            }
            else
            {
                values[distinct] = values[i];
                counts[distinct++] = 1;
            }
        }

        return distinct;
    }

    /// <summary>The canonical run of the union of two canonical runs (see remarks), for the limit <paramref name="limit"/>.</summary>
    public static SortedRun Merge(SortedRun a, SortedRun b, int limit)
    {
        if (b.Length == 0)
        {
            return a.Normalize(limit);
        }

        if (a.Length == 0)
        {
            return b.Normalize(limit);
        }

        var level = Math.Max(a.Level, b.Level);
        a = a.Coarsen(level);
        b = b.Coarsen(level);
        var values = new double[a.Length + b.Length];
        var counts = new long[values.Length];
        var mixed = level == 0 ? null : new bool[values.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length)
        {
            var takeA = j >= b.Length || (i < a.Length && a.Values[i] <= b.Values[j]);
            var takeB = i >= a.Length || (j < b.Length && b.Values[j] <= a.Values[i]);
            if (level > 0 && !(takeA && takeB) && i < a.Length && j < b.Length && Key(a.Values[i]) >> level == Key(b.Values[j]) >> level)
            {
                // One bucket, two different representatives: the smaller stays, and the bucket is mixed.
                takeA = takeB = true;
            }

            if (takeA && takeB)
            {
                values[k] = Math.Min(a.Values[i], b.Values[j]);
                counts[k] = a.Counts[i] + b.Counts[j];
                if (mixed is not null)
                {
                    mixed[k] = a.IsMixed(i) || b.IsMixed(j) || a.Values[i] != b.Values[j];
                }

                i++;
                j++;
            }
            else if (takeA)
            {
                values[k] = a.Values[i];
                counts[k] = a.Counts[i];
                if (mixed is not null)
                {
                    mixed[k] = a.IsMixed(i);
                }

                i++;
            }
            else
            {
                values[k] = b.Values[j];
                counts[k] = b.Counts[j];
                if (mixed is not null)
                {
                    mixed[k] = b.IsMixed(j);
                }

                j++;
            }

            k++;
        }

        return new SortedRun(values, counts, mixed, k, level).Normalize(limit);
    }

    /// <summary>Whether entry <paramref name="index"/> is a mixed bucket.</summary>
    public bool IsMixed(int index) => Mixed is not null && Mixed[index];

    /// <summary>This run in canonical form for <paramref name="limit"/>: unchanged when exact within it, else coarsened.</summary>
    public SortedRun Normalize(int limit)
    {
        if (Level == 0 && Length <= limit)
        {
            return this;
        }

        var target = Math.Max(1, limit / 2);
        var from = Math.Max(1, Level);
        if (Buckets(from) <= target)
        {
            return Coarsen(from);
        }

        // Bucket counts fall as the level rises: binary search for the lowest level within the target.
        int lo = from + 1, hi = MaxLevel;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Buckets(mid) <= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return Coarsen(lo);
    }

    /// <summary>This run bucketed at <paramref name="level"/> (≥ its own); itself when the level is the same.</summary>
    public SortedRun Coarsen(int level)
    {
        if (level <= Level)
        {
            return this;
        }

        var values = new double[Buckets(level)];
        var counts = new long[values.Length];
        var mixed = new bool[values.Length];
        var k = -1;
        var previous = 0UL;
        for (var i = 0; i < Length; i++)
        {
            var bucket = Key(Values[i]) >> level;
            if (k < 0 || bucket != previous)
            {
                values[++k] = Values[i];
                counts[k] = Counts[i];
                mixed[k] = IsMixed(i);
                previous = bucket;
            }
            else
            {
                counts[k] += Counts[i];
                mixed[k] = true;
            }
        }

        return new SortedRun(values, counts, mixed, k + 1, level);
    }

    // Number of buckets at a level (entries are sorted, so equal buckets are adjacent).
    private int Buckets(int level)
    {
        var buckets = 0;
        var previous = 0UL;
        for (var i = 0; i < Length; i++)
        {
            var bucket = Key(Values[i]) >> level;
            if (i == 0 || bucket != previous)
            {
                buckets++;
                previous = bucket;
            }
        }

        return buckets;
    }
}
