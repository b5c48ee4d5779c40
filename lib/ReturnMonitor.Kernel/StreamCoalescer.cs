using System.Text;

namespace ReturnMonitor.Kernel;

/// <summary>
/// Gathers a cell's console text and publishes it as at most one <c>stream</c> message per stream name per
/// <see cref="Interval"/>, as ipykernel does: a cell printing in a tight loop would otherwise send one message per
/// write (hundreds of thousands), flooding the frontend and the poller that also answers the control channel.
/// </summary>
/// <remarks>
/// Nothing is dropped: when <see cref="Capacity"/> characters are waiting, the writer (the cell's own thread) waits
/// until the next publication — back-pressure instead of loss or unbounded memory. That wait is also where an
/// interrupt reaches a loop that only prints (the engine wakes a waiting cell thread).
/// </remarks>
internal sealed class StreamCoalescer : IDisposable
{
    /// <summary>How often pending text is published.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Characters that may wait, all streams together, before a writer waits (back-pressure).</summary>
    public const int Capacity = 256 * 1024;

    private readonly Action<string, string> _publish;
    private readonly object _gate = new();
    private readonly List<(string Name, StringBuilder Text)> _pending = [];
    private readonly Thread _flusher;
    private int _pendingChars;
    private bool _disposed;

    /// <summary>Starts publishing through <paramref name="publish"/> (stream name, text) every <see cref="Interval"/>.</summary>
    public StreamCoalescer(Action<string, string> publish)
    {
        _publish = publish;
        _flusher = new Thread(FlushLoop) { IsBackground = true, Name = "jupyter-stream-coalescer" };
        _flusher.Start();
    }

    /// <summary>Stream messages published so far.</summary>
    public int MessagesPublished { get; private set; }

    /// <summary>Queues text of a stream (<c>stdout</c>, <c>stderr</c>); waits while the buffer is full.</summary>
    public void Write(string name, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        lock (_gate)
        {
            while (_pendingChars >= Capacity && !_disposed)
            {
                Monitor.Wait(_gate);
            }
            if (_disposed)
            {
                // A thread the cell started may still print after the cell's end: publish at once, in order.
                _publish(name, text);
                MessagesPublished++;
                return;
            }
            var index = _pending.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                _pending.Add((name, new StringBuilder()));
                index = _pending.Count - 1;
            }
            _pending[index].Text.Append(text);
            _pendingChars += text.Length;
        }
    }

    /// <summary>Publishes everything pending now (before any other output of the cell, so the order holds).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            foreach (var (name, text) in _pending)
            {
                if (text.Length > 0)
                {
                    _publish(name, text.ToString());
                    MessagesPublished++;
                }
            }
            _pending.Clear();
            _pendingChars = 0;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Publishes what is pending and stops the timer; later writes are published one by one.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            Flush();
            _disposed = true;
            Monitor.PulseAll(_gate);
        }
        _flusher.Join();
    }

    private void FlushLoop()
    {
        lock (_gate)
        {
            while (!_disposed)
            {
                Monitor.Wait(_gate, Interval);
                if (!_disposed && _pendingChars > 0)
                {
                    Flush();
                }
            }
        }
    }
}
