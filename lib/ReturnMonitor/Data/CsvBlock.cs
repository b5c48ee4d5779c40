namespace ReturnMonitor.Data;

/// <summary>
/// Complete records of a CSV file: <see cref="Length"/> bytes of <see cref="Bytes"/> from <see cref="Offset"/>, starting
/// at a record boundary on line <see cref="FirstLine"/> (1-based). <see cref="Bytes"/> is rented from the shared array pool.
/// </summary>
internal readonly record struct CsvBlock(byte[] Bytes, int Offset, int Length, long FirstLine)
{
    /// <summary>The block's bytes.</summary>
    public ReadOnlySpan<byte> Span => Bytes.AsSpan(Offset, Length);

    /// <summary>Gives the buffer back to the pool; the block must not be used afterwards.</summary>
    public void Return() => System.Buffers.ArrayPool<byte>.Shared.Return(Bytes);
}
