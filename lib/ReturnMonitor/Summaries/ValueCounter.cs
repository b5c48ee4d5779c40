namespace ReturnMonitor.Summaries;

/// <summary>
/// Counts of the values of one numeric feature, built for speed on the hot path of a streaming read, in memory bounded
/// by the exact limit whatever the number of rows. Three paths, chosen adaptively:
/// values written as a small non-negative integer <c>m</c> or as <c>m/10</c> (one decimal) — the common case for order
/// data — go to flat arrays indexed by <c>m</c>; other values go to a dictionary while they have few distinct values
/// (<see cref="DictionaryLimit"/>); past that (continuous data: prices with cents, durations, amounts) they are appended
/// to a flat chunk of doubles that is sorted once when full and run-length-merged into a <see cref="SortedRun"/> —
/// 8 bytes per value for a moment instead of a dictionary entry per distinct value, and no per-value objects.
/// The run stays exact up to the exact limit of distinct values and is bucketed past it (see <see cref="SortedRun"/>).
/// <see cref="ToDistribution"/> folds all paths into one <see cref="EmpiricalDistribution"/>: "5", "5.0" and 5d are one
/// value, and the result is the same for any split of the values between counters and any order of merging.
/// </summary>
internal sealed class ValueCounter
{
    /// <summary>Exclusive upper bound of the mantissas counted in the flat arrays.</summary>
    public const int SmallLimit = 1 << 14;

    /// <summary>Distinct values the dictionary holds before the counter moves them to the sorted run.</summary>
    public const int DictionaryLimit = 4096;

    /// <summary>
    /// Values collected before a sort and merge into the run (256 KB per column and reading thread; the run's buffers
    /// hold the limit plus one chunk). Since merges are in place, a smaller chunk costs little time and saves memory
    /// (2^18 peaked ~17 MiB higher than 2^16 at 1M vs 1M continuous orders); the result does not depend on it (any split
    /// is identical).
    /// </summary>
    public const int ChunkSize = 1 << 15;

    // Per thread: the counts of the chunk being flushed (the chunk's values are sorted and collapsed in place).
    [ThreadStatic]
    private static long[]? chunkCounts;

    private readonly int exactLimit;
    private readonly RunAccumulator run;
    private long[]? whole;
    private long[]? tenths;
    private Dictionary<double, long>? other = new();
    private double[]? chunk;
    private int chunked;

    /// <summary>A counter that stays exact up to <paramref name="exactLimit"/> distinct values.</summary>
    public ValueCounter(int exactLimit = EmpiricalDistribution.DefaultExactLimit)
        : this(exactLimit, null)
    {
    }

    /// <summary>
    /// A counter whose values outside the flat arrays go to <paramref name="shared"/> (one run per column for all the
    /// workers of a file, created with the same limit), or to a run of its own when null.
    /// </summary>
    public ValueCounter(int exactLimit, RunAccumulator? shared)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exactLimit, 4);
        this.exactLimit = exactLimit;
        run = shared ?? new RunAccumulator(exactLimit);
    }

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

    /// <summary>Counts one value (not NaN).</summary>
    public void Add(double value)
    {
        // -0.0 and 0.0 are one value, as in EmpiricalDistribution.FromCounts.
        var key = value == 0 ? 0.0 : value;
        if (other is not null)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(other, key, out _);
            slot++;
            if (other.Count > Math.Min(DictionaryLimit, exactLimit))
            {
                run.Add(FromPairs(other));
                other = null;
            }

            return;
        }

        (chunk ??= new double[ChunkSize])[chunked++] = key;
        if (chunked == ChunkSize)
        {
            FlushChunk();
        }
    }

    /// <summary>Adds every observation of <paramref name="distribution"/> (a partition's or a saved profile's).</summary>
    public void Add(EmpiricalDistribution distribution) => run.Add(distribution.ToRun());

    /// <summary>Adds the counts of <paramref name="source"/> to this counter.</summary>
    public void Merge(ValueCounter source)
    {
        MergeArray(ref whole, source.whole);
        MergeArray(ref tenths, source.tenths);
        Collect();
        source.Collect();
        if (!ReferenceEquals(source.run, run))
        {
            run.Add(source.run.ToRun());
        }

        other = null;
    }

    /// <summary>The distribution of all values counted: exact up to the limit, the canonical sketch past it.</summary>
    public EmpiricalDistribution ToDistribution()
    {
        Collect();
        var all = run.Take();
        all = SortedRun.Merge(all, Small(whole, 1.0), exactLimit);
        all = SortedRun.Merge(all, Small(tenths, 10.0), exactLimit);
        return EmpiricalDistribution.FromRun(all);
    }

    // Everything outside the flat arrays into the run (dictionary and chunk emptied into it).
    private void Collect()
    {
        if (other is { Count: > 0 })
        {
            run.Add(FromPairs(other));
            other.Clear();
        }

        FlushChunk();
        // Reading is over for this counter: its buffers are not needed any more.
        chunk = null;
    }

    private void FlushChunk()
    {
        if (chunked == 0 || chunk is null)
        {
            return;
        }

        // Sorted and collapsed in place on this thread, then merged into the run in place (under its lock when shared):
        // the chunk and the counts are scratch, reused for the next chunk.
        var counts = chunkCounts is { } cached && cached.Length >= chunked ? cached : (chunkCounts = new long[ChunkSize]);
        var distinct = SortedRun.SortAndCount(chunk, counts, chunked);
        chunked = 0;
        run.AddSorted(chunk, counts, distinct);
    }

    private static SortedRun FromPairs(Dictionary<double, long> pairs)
    {
        var values = new double[pairs.Count];
        var counts = new long[pairs.Count];
        var k = 0;
        foreach (var (value, count) in pairs)
        {
            values[k] = value;
            counts[k++] = count;
        }

        Array.Sort(values, counts);
        return new SortedRun(values, counts, null, k, 0);
    }

    // The flat array of mantissas m as a run of m/divisor: m and divisor are exact doubles and division is correctly
    // rounded, so m/10 is the same double as parsing "m/10" in decimal.
    private static SortedRun Small(long[]? counts, double divisor)
    {
        if (counts is null)
        {
            return SortedRun.Empty;
        }

        var length = 0;
        foreach (var c in counts)
        {
            length += c != 0 ? 1 : 0;
        }

        var values = new double[length];
        var kept = new long[length];
        var k = 0;
        for (var m = 0; m < counts.Length; m++)
        {
            if (counts[m] != 0)
            {
                values[k] = divisor == 1.0 ? m : m / divisor;
                kept[k++] = counts[m];
            }
        }

        return new SortedRun(values, kept, null, length, 0);
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
