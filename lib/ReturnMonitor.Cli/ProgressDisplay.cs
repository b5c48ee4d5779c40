using System.Diagnostics;
using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// One self-overwriting progress line on stderr ("train.csv: 3,200,000 rows, 41% · 5,100,000 rows/s") for long reads.
/// Shown only when stderr is the process's own terminal, never when it is redirected or captured (tests, pipes) and
/// never for machine-readable output; it appears after half a second, so short runs print nothing.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter? terminal;
    private readonly ReadProgress progress = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer? timer;
    private readonly Lock gate = new();
    private bool shown;

    private ProgressDisplay(TextWriter? terminal)
    {
        this.terminal = terminal;
        if (terminal is not null)
        {
            timer = new Timer(_ => Draw(), null, 500, 250);
        }

        Options = new SummarizeOptions { Progress = terminal is null ? null : progress };
    }

    /// <summary>Options to pass to the summariser so that it reports to this display.</summary>
    public SummarizeOptions Options { get; }

    /// <summary>A display on stderr when it is an interactive terminal and <paramref name="quiet"/> is false; otherwise a silent one.</summary>
    public static ProgressDisplay Start(CliOutput io, bool quiet) =>
        new(!quiet && Unwrapped(io.Err) is var err && ReferenceEquals(err, Console.Error) && !Console.IsErrorRedirected ? err : null);

    // The progress line is ours (numbers only) and rewrites itself with CR, which the terminal escaper would show.
    private static TextWriter Unwrapped(TextWriter writer) => writer is TerminalWriter wrapped ? wrapped.Inner : writer;

    private void Draw()
    {
        lock (gate)
        {
            if (terminal is null)
            {
                return;
            }

            var rows = progress.Rows;
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
            var total = progress.TotalBytes;
            var percent = total > 0 ? $", {Math.Min(100, 100.0 * progress.Bytes / total):0}% of {progress.Current}" : "";
            terminal.Write($"\r{rows:N0} rows{percent} · {rows / seconds:N0} rows/s   ");
            terminal.Flush();
            shown = true;
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            if (shown && terminal is not null)
            {
                terminal.Write("\r" + new string(' ', 100) + "\r");
                terminal.Flush();
                shown = false;
            }
        }
    }
}
