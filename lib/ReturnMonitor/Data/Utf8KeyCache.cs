using System.Runtime.CompilerServices;

namespace ReturnMonitor.Data;

/// <summary>
/// The values of the first few distinct UTF-8 keys seen (a column's categories), found again by comparing bytes, without
/// decoding or hashing: a category column of millions of cells has a handful of distinct values. Keys past the first 64
/// are not kept; the caller then takes its slower path.
/// </summary>
internal sealed class Utf8KeyCache<TValue>
{
    private const int Capacity = 64;

    private readonly byte[][] keys = new byte[Capacity][];
    private readonly TValue[] values = new TValue[Capacity];
    private int count;

    /// <summary>The value kept for <paramref name="key"/>, if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ReadOnlySpan<byte> key, out TValue value)
    {
        for (var i = 0; i < count; i++)
        {
            if (key.SequenceEqual(keys[i]))
            {
                value = values[i];
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> (not yet kept) while there is room.</summary>
    public void Add(ReadOnlySpan<byte> key, TValue value)
    {
        if (count < Capacity)
        {
            keys[count] = key.ToArray();
            values[count++] = value;
        }
    }
}
