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

    private readonly Action<string, string> publish;
    private readonly object gate = new();
    private readonly List<(string Name, StringBuilder Text)> pending = [];
    private readonly Thread flusher;
    private int pendingChars;
    private bool disposed;

    /// <summary>Starts publishing through <paramref name="publish"/> (stream name, text) every <see cref="Interval"/>.</summary>
    public StreamCoalescer(Action<string, string> publish)
    {
        this.publish = publish;
        flusher = new Thread(FlushLoop) { IsBackground = true, Name = "jupyter-stream-coalescer" };
        flusher.Start();
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
        lock (gate)
        {
            while (pendingChars >= Capacity && !disposed)
            {
                Monitor.Wait(gate);
            }
            if (disposed)
            {
                // A thread the cell started may still print after the cell's end: publish at once, in order.
                this.publish(name, text);
                MessagesPublished++;
                return;
            }
            var index = this.pending.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                this.pending.Add((name, new StringBuilder()));
                index = this.pending.Count - 1;
            }
            this.pending[index].Text.Append(text);
            pendingChars += text.Length;
        }
    }

    /// <summary>Publishes everything pending now (before any other output of the cell, so the order holds).</summary>
    public void Flush()
    {
        lock (gate)
        {
            foreach (var (name, text) in this.pending)
            {
                if (text.Length > 0)
                {
                    this.publish(name, text.ToString());
                    MessagesPublished++;
                }
            }
            this.pending.Clear();
            pendingChars = 0;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Publishes what is pending and stops the timer; later writes are published one by one.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }
            Flush();
            disposed = true;
            Monitor.PulseAll(gate);
        }
        flusher.Join();
    }

    private void FlushLoop()
    {
        lock (gate)
        {
            while (!disposed)
            {
                Monitor.Wait(gate, Interval);
                if (!disposed && pendingChars > 0)
                {
                    Flush();
                }
            }
        }
    }
}
