using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ReturnMonitor.Notebooks;

/// <summary>
/// Runs one notebook in a child process of its own (<c>returnmonitor notebooks run --progress-file FILE NOTEBOOK</c>),
/// so that a cell which ends its process — <c>Environment.Exit</c>, an exception on a thread it started, a fail-fast —
/// ends only that notebook: the parent names the notebook and the cell, counts it as failed and goes on.
/// </summary>
/// <remarks>
/// The child appends one line per event to the progress file: <c>cell N</c> before each code cell, <c>unhandled
/// TYPE: MESSAGE</c> from its unhandled-exception handler, <c>done</c> once the run has ended normally. A child that
/// exits without <c>done</c> — whatever its exit code, 0 included — ended inside a cell. A file, not the child's
/// stdout, because a cell's own threads may write to the console; the child's stderr is relayed only after a normal
/// end, so the runtime's stack trace of an unhandled exception is never shown.
/// </remarks>
public static class NotebookProcess
{
    /// <summary>The hidden option of <c>notebooks run</c> that makes it the child of an isolated run.</summary>
    public const string ProgressOption = "--progress-file";

    /// <summary>Progress record written before a cell runs.</summary>
    public const string CellRecord = "cell ";

    /// <summary>Progress record written by the child's unhandled-exception handler.</summary>
    public const string UnhandledRecord = "unhandled ";

    /// <summary>Progress record written when the child's run ended normally.</summary>
    public const string DoneRecord = "done";

    // The child's stderr kept for relaying after a normal end: one failure line in practice, bounded whatever it prints.
    private const int MaxStderrChars = 64 * 1024;

    /// <summary>
    /// Runs <paramref name="notebook"/> in a child started by <paramref name="launcher"/> (the command that starts the
    /// CLI, e.g. its apphost). The child's progress lines go to <paramref name="stdout"/>; true when it succeeded.
    /// </summary>
    public static async Task<bool> RunAsync(IReadOnlyList<string> launcher, string notebook, bool check, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var progress = Path.Combine(Path.GetTempPath(), $"returnmonitor-notebook-{Guid.NewGuid():N}.progress");
        var start = new ProcessStartInfo(launcher[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in launcher.Skip(1).Concat(["notebooks", "run", ProgressOption, progress]).Concat(check ? ["--check"] : []).Concat([notebook]))
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start) ?? throw new IOException($"could not start {launcher[0]}");
            var errors = new StringBuilder();
            var relayOut = RelayAsync(process.StandardOutput, line => stdout.WriteLine(line));
            var keepErr = RelayAsync(process.StandardError, line =>
            {
                if (errors.Length < MaxStderrChars)
                {
                    errors.AppendLine(line.Length > MaxStderrChars ? line[..MaxStderrChars] : line);
                }
            });
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(relayOut, keepErr).ConfigureAwait(false);
            var records = File.Exists(progress) ? await File.ReadAllLinesAsync(progress, cancellationToken).ConfigureAwait(false) : [];
            if (records.Contains(DoneRecord))
            {
                await stderr.WriteAsync(errors.ToString()).ConfigureAwait(false);
                return process.ExitCode == 0;
            }
            await stderr.WriteLineAsync(Failure(records, process.ExitCode).Format(notebook)).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{"FAILED",-10}  {notebook}").ConfigureAwait(false);
            return false;
        }
        finally
        {
            File.Delete(progress);
        }
    }

    /// <summary>What a child that ended without finishing its run did, against the cell it was running.</summary>
    internal static NotebookFailure Failure(IReadOnlyList<string> records, int exitCode)
    {
        int? cell = null;
        string? unhandled = null;
        foreach (var record in records)
        {
            if (record.StartsWith(CellRecord, StringComparison.Ordinal) && int.TryParse(record.AsSpan(CellRecord.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                cell = number;
            }
            else if (record.StartsWith(UnhandledRecord, StringComparison.Ordinal))
            {
                unhandled ??= record[UnhandledRecord.Length..];
            }
        }
        var message = unhandled is not null
            ? $"an exception on a thread the cell started ended the notebook's run: {unhandled}; later cells did not run"
            : cell is not null
                ? string.Create(CultureInfo.InvariantCulture, $"the cell ended the process (exit code {exitCode}: Environment.Exit or the like); later cells did not run")
                : string.Create(CultureInfo.InvariantCulture, $"the notebook's run ended before any cell ran (exit code {exitCode})");
        return new NotebookFailure(cell, null, null, message);
    }

    /// <summary>
    /// In the child: records each cell and an unhandled exception to <paramref name="progressFile"/> (call
    /// <see cref="RecordDone"/> when the run ends normally). Returns <paramref name="options"/> with the cell hook set.
    /// </summary>
    public static NotebookRunOptions RecordProgress(string progressFile, NotebookRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var exception = e.ExceptionObject as Exception;
            var text = exception is null ? "unknown exception" : $"{exception.GetType().FullName}: {exception.Message}";
            Append(progressFile, UnhandledRecord + string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        };
        return options with { CellStarting = cell => Append(progressFile, CellRecord + cell.ToString(CultureInfo.InvariantCulture)) };
    }

    /// <summary>In the child: the run ended normally (its result, success or not, is on stdout and stderr).</summary>
    public static void RecordDone(string progressFile) => Append(progressFile, DoneRecord);

    private static void Append(string file, string line)
    {
        // Appended and closed at once: the process may end at any moment after this returns.
        File.AppendAllText(file, line + "\n", new UTF8Encoding(false));
    }

    private static async Task RelayAsync(StreamReader reader, Action<string> line)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } text)
        {
            line(text);
        }
    }
}
