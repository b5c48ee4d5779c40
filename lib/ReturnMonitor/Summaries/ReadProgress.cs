namespace ReturnMonitor.Summaries;

/// <summary>
/// Live counters of a streaming read, updated by the reading threads and safe to poll from another thread
/// (for a progress display): rows summarised so far, bytes read and the total size of the input.
/// </summary>
public sealed class ReadProgress
{
    private long rows;
    private long bytes;
    private long totalBytes;

    /// <summary>Rows summarised so far.</summary>
    public long Rows => Volatile.Read(ref rows);

    /// <summary>Bytes read so far.</summary>
    public long Bytes => Volatile.Read(ref bytes);

    /// <summary>Size of the input in bytes (0 until known).</summary>
    public long TotalBytes => Volatile.Read(ref totalBytes);

    /// <summary>Name of the input being read.</summary>
    public string? Current { get; private set; }

    internal void Start(string name, long total)
    {
        Current = name;
        Volatile.Write(ref totalBytes, total);
        Volatile.Write(ref bytes, 0);
    }

    internal void AddRows(long count) => Interlocked.Add(ref rows, count);

    internal void AddBytes(long count) => Interlocked.Add(ref bytes, count);
}
