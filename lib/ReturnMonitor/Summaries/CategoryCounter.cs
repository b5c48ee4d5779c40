using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Exact counts of the categories of one categorical feature on the hot path of a streaming read. Categories arrive as
/// strings or as UTF-8 bytes; the few distinct byte strings of a typical column are matched without decoding.
/// </summary>
internal sealed class CategoryCounter
{
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly List<string> names = new();
    private long[] counts = new long[8];
    private readonly Utf8KeyCache<int> cache = new();

    /// <summary>Counts one category.</summary>
    public void Add(string category, long count = 1)
    {
        // The slot first, then the array: 'counts[SlotOf(c)] += n' reads the field before SlotOf can grow it, so a
        // new category that crosses the capacity would index the old, smaller array.
        var slot = SlotOf(category);
        counts[slot] += count;
    }

    /// <summary>Counts one category given as valid UTF-8 bytes (already trimmed, not empty).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void AddUtf8(ReadOnlySpan<byte> category)
    {
        if (cache.TryGet(category, out var cached))
        {
            counts[cached]++;
            return;
        }

        var slot = SlotOf(Encoding.UTF8.GetString(category));
        counts[slot]++;
        cache.Add(category, slot);
    }

    /// <summary>Adds the counts of <paramref name="source"/>.</summary>
    public void Merge(CategoryCounter source)
    {
        for (var i = 0; i < source.names.Count; i++)
        {
            Add(source.names[i], source.counts[i]);
        }
    }

    /// <summary>The exact category counts.</summary>
    public CategoryCounts ToCounts() =>
        CategoryCounts.FromCounts(names.Select((name, i) => KeyValuePair.Create(name, counts[i])));

    private int SlotOf(string category)
    {
        if (!slots.TryGetValue(category, out var slot))
        {
            slot = names.Count;
            slots[category] = slot;
            names.Add(category);
            if (slot == counts.Length)
            {
                Array.Resize(ref counts, counts.Length * 2);
            }
        }

        return slot;
    }
}
