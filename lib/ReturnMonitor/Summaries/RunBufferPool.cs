namespace ReturnMonitor.Summaries;

/// <summary>
/// Working buffers of finished runs (<see cref="RunAccumulator"/>), kept for the next file's runs: summarising a
/// reference and then a batch reuses the reference's buffers (several MB per numeric column) instead of committing new
/// memory while the old ones wait for a full collection. Held through weak references, so the pool never keeps memory
/// the garbage collector wants back, and bounded in number.
/// </summary>
internal static class RunBufferPool
{
    private const int MaxSets = 32;
    private static readonly Lock Gate = new();
    private static readonly List<WeakReference<BufferSet>> Sets = [];

    /// <summary>Keeps a run's buffers (values, counts, mixed flags; the flags may be null) for reuse.</summary>
    public static void Return(double[] values, long[] counts, bool[]? mixed)
    {
        if (values.Length < 4096)
        {
            return;
        }

        lock (Gate)
        {
            Sets.RemoveAll(w => !w.TryGetTarget(out _));
            if (Sets.Count < MaxSets)
            {
                Sets.Add(new WeakReference<BufferSet>(new BufferSet(values, counts, mixed is { } m && m.Length >= values.Length ? m : null)));
            }
        }
    }

    /// <summary>A set of buffers of at least <paramref name="capacity"/> entries, or null when none is pooled.</summary>
    public static BufferSet? Rent(int capacity)
    {
        lock (Gate)
        {
            for (var i = Sets.Count - 1; i >= 0; i--)
            {
                if (!Sets[i].TryGetTarget(out var set))
                {
                    Sets.RemoveAt(i);
                }
                else if (set.Values.Length >= capacity)
                {
                    Sets.RemoveAt(i);
                    return set;
                }
            }

            return null;
        }
    }

    /// <summary>One run's buffers, all of the same length (no flags when the run was exact).</summary>
    internal sealed record BufferSet(double[] Values, long[] Counts, bool[]? Mixed);
}
