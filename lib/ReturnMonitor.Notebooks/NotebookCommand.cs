using System.Globalization;

namespace ReturnMonitor.Notebooks;

/// <summary>
/// Entry point for <c>returnmonitor notebooks run [--check] PATHS…</c>. A path may be a notebook or a folder
/// (its <c>*.ipynb</c> files, sorted). Every notebook is run even after a failure.
/// </summary>
public static class NotebookCommand
{
    /// <summary>Exit code: all notebooks ran (and, with --check, were up to date).</summary>
    public const int Success = 0;

    /// <summary>Exit code: a notebook failed or, with --check, is stale.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: bad arguments (no paths, missing files).</summary>
    public const int UsageError = 2;

    /// <summary>Runs the notebooks; progress to <paramref name="stdout"/>, failures to <paramref name="stderr"/>.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> paths, bool check, TextWriter stdout, TextWriter stderr) =>
        RunAsync(paths, new NotebookRunOptions { Check = check }, stdout, stderr, CancellationToken.None);

    /// <summary>Runs the notebooks with explicit options (the <c>Check</c> and <c>DisplayName</c> per notebook come from the arguments).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> paths, NotebookRunOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(paths, options, stdout, stderr, isolatedLauncher: null, cancellationToken);

    /// <summary>
    /// Runs the notebooks; with <paramref name="isolatedLauncher"/> (the command that starts the CLI) each notebook runs
    /// in a child process of its own (<see cref="NotebookProcess"/>), so a cell that ends its process fails only its notebook.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, NotebookRunOptions options, TextWriter stdout, TextWriter stderr, IReadOnlyList<string>? isolatedLauncher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (paths.Count == 0)
        {
            await stderr.WriteLineAsync("notebooks run: no notebook given (usage: notebooks run [--check] PATH...)").ConfigureAwait(false);
            return UsageError;
        }
        var notebooks = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                var found = Directory.GetFiles(p, "*.ipynb").OrderBy(f => f, StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    await stderr.WriteLineAsync($"notebooks run: no .ipynb files in {p}").ConfigureAwait(false);
                    return UsageError;
                }
                notebooks.AddRange(found);
            }
            else if (File.Exists(p))
            {
                notebooks.Add(p);
            }
            else
            {
                await stderr.WriteLineAsync($"notebooks run: {p}: no such file or directory").ConfigureAwait(false);
                return UsageError;
            }
        }

        var runner = new NotebookRunner();
        var failures = 0;
        foreach (var nb in notebooks)
        {
            if (isolatedLauncher is not null)
            {
                failures += await NotebookProcess.RunAsync(isolatedLauncher, nb, options.Check, stdout, stderr, cancellationToken).ConfigureAwait(false) ? 0 : 1;
                continue;
            }
            NotebookRunResult result;
            try
            {
                result = await runner.RunAsync(nb, options with { DisplayName = nb }, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await stderr.WriteLineAsync($"{nb}: {ex.Message}").ConfigureAwait(false);
                failures++;
                continue;
            }
            var s = result.Statistics;
            var timing = string.Create(CultureInfo.InvariantCulture, $"{s.CellsExecuted} cells, {s.Charts} charts ({s.ChartsRendered} rendered in {s.ChartRenderTime.TotalSeconds:0.0} s), {s.Elapsed.TotalSeconds:0.0} s");
            if (result.Succeeded)
            {
                var verb = options.Check ? "up to date" : result.Written ? "updated" : "unchanged";
                await stdout.WriteLineAsync($"{verb,-10}  {nb}  ({timing})").ConfigureAwait(false);
            }
            else
            {
                failures++;
                await stderr.WriteLineAsync(result.FailureMessage).ConfigureAwait(false);
                await stdout.WriteLineAsync($"{(options.Check && result.Failure!.Message.StartsWith("outputs differ", StringComparison.Ordinal) ? "STALE" : "FAILED"),-10}  {nb}  ({timing})").ConfigureAwait(false);
            }
        }
        return failures == 0 ? Success : Failed;
    }
}
