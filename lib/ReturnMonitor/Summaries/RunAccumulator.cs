using System.Numerics;

namespace ReturnMonitor.Summaries;

/// <summary>
/// The growing canonical run of one numeric column (see <see cref="SortedRun"/>), kept in buffers that it owns and
/// reuses: a sorted chunk is merged into it in place, from the back, and the canonical form is restored in place, so
/// a flush allocates nothing once the buffers have grown to the exact limit plus a chunk. The same state as
/// <c>SortedRun.Merge(run, chunk, limit)</c> — identical values, counts, mixed flags and level — without the two or
/// three fresh multi-megabyte arrays per flush that the allocating merge needs (they were most of the peak memory and
/// of the garbage collector's work on continuous columns).
/// Thread-safe: the workers of one file share one accumulator per column (one run per column instead of one per
/// worker), each sorting its own chunk outside the lock; by the canonical form the result does not depend on the
/// order in which the chunks arrive.
/// </summary>
internal sealed class RunAccumulator
{
    private readonly int limit;
    private readonly Lock gate = new();
    private double[] values = [];
    private long[] counts = [];
    private bool[]? mixed;
    private bool[]? spareMixed;
    private bool[] chunkMixed = [];
    private int length;
    private int level;

    // ToRun handed the buffers out: the next change works on copies.
    private bool lent;

    /// <summary>An empty run, exact up to <paramref name="limit"/> distinct values.</summary>
    public RunAccumulator(int limit) => this.limit = limit;

    /// <summary>
    /// Merges a sorted chunk of distinct values <paramref name="chunk"/>[..<paramref name="size"/>] with their counts.
    /// Both arrays are the caller's scratch: they are overwritten (bucketed at the run's level) and not kept.
    /// </summary>
    public void AddSorted(double[] chunk, long[] chunkCounts, int size)
    {
        if (size == 0)
        {
            return;
        }

        lock (gate)
        {
            EnsureWritable();
            bool[]? chunkFlags = null;
            if (level > 0)
            {
                if (chunkMixed.Length < size)
                {
                    chunkMixed = new bool[size];
                }

                chunkFlags = chunkMixed;
                Array.Clear(chunkFlags, 0, size);
                size = Coarsen(chunk, chunkCounts, chunkFlags, null, size, level);
            }

            EnsureCapacity(length + size);
            MergeFromBack(chunk, chunkCounts, chunkFlags, size);
            Normalize();
        }
    }

    /// <summary>Merges a canonical run (a dictionary's pairs, a partition's or a profile's distribution); not kept.</summary>
    public void Add(SortedRun other)
    {
        if (other.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            EnsureWritable();
            var merged = SortedRun.Merge(new SortedRun(values, counts, mixed, length, level), other, limit);
            if (ReferenceEquals(merged.Values, values))
            {
                return;
            }

            // A fresh result (or the other run itself, which is not ours to change): copied into the own buffers.
            EnsureCapacity(merged.Length);
            Array.Copy(merged.Values, values, merged.Length);
            Array.Copy(merged.Counts, counts, merged.Length);
            level = merged.Level;
            length = merged.Length;
            if (level > 0)
            {
                mixed ??= new bool[values.Length];
                for (var i = 0; i < length; i++)
                {
                    mixed[i] = merged.IsMixed(i);
                }
            }
        }
    }

    /// <summary>The run as it stands, sharing the buffers (a later change copies them first).</summary>
    public SortedRun ToRun()
    {
        lock (gate)
        {
            lent = true;
            return new SortedRun(values, counts, level == 0 ? null : mixed, length, level);
        }
    }

    /// <summary>
    /// The run in arrays of its exact length (what a distribution keeps), which become this run's state; the working
    /// buffers go back to the pool for the next file's runs.
    /// </summary>
    public SortedRun Take()
    {
        lock (gate)
        {
            var trimmed = new SortedRun(values[..length], counts[..length], level == 0 ? null : mixed![..length], length, level);
            if (!lent)
            {
                RunBufferPool.Return(values, counts, mixed);
            }

            values = trimmed.Values;
            counts = trimmed.Counts;
            mixed = trimmed.Mixed;
            lent = true;
            return trimmed;
        }
    }

    // The buckets at `at` of entries [0, size) of v (sorted; keys distinct at the current level), in place: each keeps
    // its first (smallest) value, the sum of the counts, and whether it holds several distinct values. Returns the count.
    private static int Coarsen(double[] v, long[] c, bool[] flags, bool[]? oldFlags, int size, int at)
    {
        var k = -1;
        var previous = 0UL;
        for (var i = 0; i < size; i++)
        {
            var bucket = SortedRun.Key(v[i]) >> at;
            if (k < 0 || bucket != previous)
            {
                k++;
                var wasMixed = oldFlags is not null && oldFlags[i];
                v[k] = v[i];
                c[k] = c[i];
                flags[k] = wasMixed;
                previous = bucket;
            }
            else
            {
                c[k] += c[i];
                flags[k] = true;
            }
        }

        return k + 1;
    }

    // Merges chunk[..size] (bucketed at the run's level) into the run, from the back so that nothing is overwritten
    // before it is read; entries of one bucket (level > 0) or one value (level 0) are combined as SortedRun.Merge does.
    private void MergeFromBack(double[] chunk, long[] chunkCounts, bool[]? chunkFlags, int size)
    {
        int i = length - 1, j = size - 1, w = length + size - 1;
        var end = w;
        while (j >= 0)
        {
            if (i >= 0)
            {
                var a = SortedRun.Key(values[i]) >> level;
                var b = SortedRun.Key(chunk[j]) >> level;
                if (a > b)
                {
                    values[w] = values[i];
                    counts[w] = counts[i];
                    if (mixed is not null)
                    {
                        mixed[w] = mixed[i];
                    }

                    i--;
                    w--;
                    continue;
                }

                if (a == b)
                {
                    var combinedMixed = level > 0 && (mixed![i] || chunkFlags![j] || values[i] != chunk[j]);
                    values[w] = Math.Min(values[i], chunk[j]);
                    counts[w] = counts[i] + chunkCounts[j];
                    if (mixed is not null)
                    {
                        mixed[w] = combinedMixed;
                    }

                    i--;
                    j--;
                    w--;
                    continue;
                }
            }

            values[w] = chunk[j];
            counts[w] = chunkCounts[j];
            if (mixed is not null)
            {
                mixed[w] = chunkFlags is not null && chunkFlags[j];
            }

            j--;
            w--;
        }

        // The run's first i + 1 entries stay where they are; combined entries left a gap of w − i before the tail.
        var gap = w - i;
        if (gap > 0)
        {
            var tail = end - w;
            Array.Copy(values, w + 1, values, i + 1, tail);
            Array.Copy(counts, w + 1, counts, i + 1, tail);
            if (mixed is not null)
            {
                Array.Copy(mixed, w + 1, mixed, i + 1, tail);
            }
        }

        length += size - gap;
    }

    // SortedRun.Normalize in place: exact within the limit, else the lowest level ≥ max(1, level) with at most limit/2
    // buckets. The bucket counts of all levels come from one pass: consecutive keys fall into different buckets at level
    // ℓ exactly when their highest differing bit is at ℓ or above.
    private void Normalize()
    {
        if (level == 0 && length <= limit)
        {
            return;
        }

        Span<int> highestBit = stackalloc int[65];
        var previous = SortedRun.Key(values[0]);
        for (var i = 1; i < length; i++)
        {
            var key = SortedRun.Key(values[i]);
            highestBit[64 - BitOperations.LeadingZeroCount(key ^ previous)]++;
            previous = key;
        }

        var target = Math.Max(1, limit / 2);
        var at = Math.Max(1, level);
        var buckets = 1;
        for (var b = at + 1; b <= 64; b++)
        {
            buckets += highestBit[b];
        }

        while (buckets > target && at < SortedRun.MaxLevel)
        {
            at++;
            buckets -= highestBit[at];
        }

        if (at == level)
        {
            return;
        }

        var flags = mixed ?? (spareMixed is { } spare && spare.Length >= values.Length ? spare : new bool[values.Length]);
        spareMixed = null;
        length = Coarsen(values, counts, flags, mixed, length, at);
        mixed = flags;
        level = at;
    }

    private void EnsureCapacity(int needed)
    {
        if (values.Length >= needed)
        {
            return;
        }

        if (length == 0 && RunBufferPool.Rent(needed) is { } pooled)
        {
            values = pooled.Values;
            counts = pooled.Counts;
            spareMixed = pooled.Mixed;
            return;
        }

        // Doubling, but not past the exact limit plus a chunk (what a flush needs) unless more is needed.
        var capacity = Math.Max(needed, Math.Min(Math.Max(1024, values.Length * 2), limit + ValueCounter.ChunkSize));
        Array.Resize(ref values, capacity);
        Array.Resize(ref counts, capacity);
        if (mixed is not null)
        {
            Array.Resize(ref mixed, capacity);
        }
    }

    private void EnsureWritable()
    {
        if (!lent)
        {
            return;
        }

        values = (double[])values.Clone();
        counts = (long[])counts.Clone();
        mixed = (bool[]?)mixed?.Clone();
        lent = false;
    }
}
