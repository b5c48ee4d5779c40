using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Engine;
using ReturnMonitor.Notebooks.Formatting;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks;

/// <summary>
/// Runs the C# cells of a notebook (.ipynb) headlessly on the workbook's C# engine (<see cref="NotebookEngine"/>, the
/// same one the Jupyter kernel uses) and writes the outputs back into the notebook, byte-stable when nothing changed.
/// </summary>
/// <remarks>
/// Cells are serialized process-wide: a cell changes the current directory, the culture and
/// <see cref="Console.Out"/> while it executes.
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>Runs a notebook file. Writes it back unless <see cref="NotebookRunOptions.Check"/> is set.</summary>
    public async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new NotebookRunOptions();
        var name = options.DisplayName ?? path;
        var fullPath = Path.GetFullPath(path);
        var originalText = await File.ReadAllTextAsync(fullPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var result = await RunTextAsync(originalText, Path.GetDirectoryName(fullPath)!, options with { DisplayName = name }, cancellationToken).ConfigureAwait(false);
        var mayWrite = !options.Check && (result.Succeeded || (options.WriteOnFailure && result.Failure?.CellNumber is not null));
        if (mayWrite && result.Changed)
        {
            await File.WriteAllTextAsync(fullPath, result.Text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            return new NotebookRunResult(result.Name, result.Document, result.Text, result.Changed, written: true, result.Failure, result.Statistics);
        }
        return result;
    }

    /// <summary>
    /// Runs notebook text in memory (nothing is written). <paramref name="directory"/> is the notebook's folder:
    /// the working directory during the run and the base of relative <c>#r</c> paths.
    /// </summary>
    public async Task<NotebookRunResult> RunTextAsync(string notebookText, string directory, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebookText);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new NotebookRunOptions();
        var name = options.DisplayName ?? "notebook.ipynb";
        var stopwatch = Stopwatch.StartNew();
        NotebookDocument original;
        NotebookDocument document;
        try
        {
            original = NotebookDocument.Parse(notebookText);
            document = NotebookDocument.Parse(notebookText);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            var empty = NotebookDocument.CreatePolyglot();
            return new NotebookRunResult(name, empty, notebookText, false, false, new NotebookFailure(null, null, null, "not a valid notebook: " + ex.Message), new NotebookRunStatistics(0, 0, 0, 0, stopwatch.Elapsed, TimeSpan.Zero));
        }

        var charts = new ChartCollector(options.InteractiveCharts, () => ReturnMonitor.Reporting.PlotlyJs.Source);
        var collector = new CellOutputCollector(new ValueFormatter(options.MaxTableRows), charts);
        var execution = await ExecuteAsync(document, Path.GetFullPath(directory), options, collector, cancellationToken).ConfigureAwait(false);
        var failure = execution.Failure;

        // Chart images: reuse the committed PNG when the spec is unchanged, render the rest in one batch.
        var renderTime = TimeSpan.Zero;
        var existing = ExistingChartImages(original);
        var toRender = new List<(ChartSpec Spec, JsonObject Output)>();
        var reused = 0;
        foreach (var (spec, output) in charts.Pending)
        {
            if (existing.TryGetValue(spec.Sha256, out var png))
            {
                ChartCollector.SetPng(output, png);
                reused++;
            }
            else
            {
                toRender.Add((spec, output));
            }
        }
        if (toRender.Count > 0 && !options.Check)
        {
            var renderer = options.ChartRenderer ?? new ChromiumChartRenderer();
            var sw = Stopwatch.StartNew();
            try
            {
                var images = await renderer.RenderAsync(toRender.Select(c => c.Spec).ToList(), cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < toRender.Count; i++)
                {
                    ChartCollector.SetPng(toRender[i].Output, Convert.ToBase64String(images[i]));
                }
            }
            catch (ChartRenderingException ex)
            {
                failure ??= new NotebookFailure(null, null, null, "chart rendering failed: " + ex.Message);
                execution = execution with { Outputs = [] };
            }
            renderTime = sw.Elapsed;
        }

        // Write outputs into the document.
        foreach (var cell in document.Cells.Where(c => c.CellType == "code"))
        {
            if (execution.Outputs.TryGetValue(cell.Number, out var cellResult))
            {
                var arr = new JsonArray();
                foreach (var o in cellResult.Outputs)
                {
                    arr.Add(o);
                }
                cell.SetOutputs(arr, cellResult.ExecutionCount);
            }
            else if (failure is not null && execution.Outputs.Count > 0)
            {
                cell.SetOutputs([], null); // not reached after a failure: clear stale outputs
            }
        }
        var text = document.ToText();
        var changed = !string.Equals(text, notebookText, StringComparison.Ordinal);
        if (failure is null && options.Check)
        {
            var difference = FirstDifference(original, document);
            if (difference is not null)
            {
                failure = difference;
            }
        }
        var stats = new NotebookRunStatistics(execution.Outputs.Count, charts.Pending.Count, options.Check ? 0 : toRender.Count, reused, stopwatch.Elapsed, renderTime);
        if (failure is not null && failure.CellNumber is null && execution.Outputs.Count == 0 && !options.Check)
        {
            // Nothing usable to write (e.g. charts could not be rendered).
            return new NotebookRunResult(name, original, notebookText, false, false, failure, stats);
        }
        return new NotebookRunResult(name, document, text, changed, false, failure, stats);
    }

    private sealed record CellResult(List<JsonObject> Outputs, int? ExecutionCount);

    private sealed record Execution(Dictionary<int, CellResult> Outputs, NotebookFailure? Failure);

    private static async Task<Execution> ExecuteAsync(NotebookDocument document, string directory, NotebookRunOptions options, CellOutputCollector collector, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, CellResult>();
        using var engine = await NotebookEngine.StartAsync(directory, cancellationToken).ConfigureAwait(false);
        var executionCount = 0;
        foreach (var cell in document.Cells)
        {
            if (cell.CellType != "code")
            {
                continue;
            }
            var outputs = collector.BeginCell();
            var kernel = cell.KernelName;
            if (!string.Equals(kernel, "csharp", StringComparison.OrdinalIgnoreCase) && !string.Equals(kernel, "c#", StringComparison.OrdinalIgnoreCase))
            {
                var message = $"the cell uses kernel '{kernel}'; the ReturnMonitor notebook runner only runs C# cells";
                return Fail(results, cell, outputs, ++executionCount, new CellError("KernelNotSupported", message, [message], null, message));
            }
            var source = cell.Source;
            if (string.IsNullOrWhiteSpace(source))
            {
                results[cell.Number] = new CellResult(outputs, null);
                continue;
            }
            executionCount++;
            options.CellStarting?.Invoke(cell.Number);
            var outcome = await engine.ExecuteAsync(source, cell.Number, collector, cancellationToken).ConfigureAwait(false);
            collector.EndCell();
            if (outcome.Error is { } error)
            {
                return Fail(results, cell, outputs, executionCount, error);
            }
            results[cell.Number] = new CellResult(outputs, executionCount);
        }
        return new Execution(results, null);
    }

    private static Execution Fail(Dictionary<int, CellResult> results, NotebookCell cell, List<JsonObject> outputs, int executionCount, CellError error)
    {
        outputs.Add(OutputBuilder.Error(error.Name, error.Value, error.Traceback.Count > 0 ? error.Traceback : [error.Message]));
        results[cell.Number] = new CellResult(outputs, executionCount);
        return new Execution(results, new NotebookFailure(cell.Number, cell.Id, error.Line, error.Message));
    }

    private static Dictionary<string, string> ExistingChartImages(NotebookDocument document)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in document.Cells)
        {
            foreach (var output in cell.Outputs ?? [])
            {
                if (ChartCollector.TryGetChartHash(output, out var hash) && output?["data"]?["image/png"] is JsonValue png && png.TryGetValue<string>(out var b64) && b64.Length > 0)
                {
                    map.TryAdd(hash, b64);
                }
            }
        }
        return map;
    }

    /// <summary>First code cell whose outputs or execution count differ (chart images compared by spec hash).</summary>
    private static NotebookFailure? FirstDifference(NotebookDocument committed, NotebookDocument fresh)
    {
        for (var i = 0; i < fresh.Cells.Count && i < committed.Cells.Count; i++)
        {
            var now = fresh.Cells[i];
            var then = committed.Cells[i];
            if (now.CellType != "code")
            {
                continue;
            }
            if (now.ExecutionCount != then.ExecutionCount)
            {
                return new NotebookFailure(now.Number, now.Id, null, $"outputs differ from the committed notebook (execution_count {Show(then.ExecutionCount)} committed, {Show(now.ExecutionCount)} now); rerun the notebook and commit it");
            }
            var a = NormalizeForCheck(then.Outputs);
            var b = NormalizeForCheck(now.Outputs);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                return new NotebookFailure(now.Number, now.Id, null, $"outputs differ from the committed notebook ({DescribeDifference(a, b)}); rerun the notebook and commit it");
            }
        }
        return null;

        static string Show(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "null";
    }

    private static string NormalizeForCheck(JsonArray? outputs)
    {
        var copy = new JsonArray();
        foreach (var o in outputs ?? [])
        {
            var clone = o?.DeepClone();
            if (ChartCollector.TryGetChartHash(clone, out _) && clone?["data"] is JsonObject data)
            {
                data.Remove("image/png"); // pixels depend on the machine's fonts; the spec hash decides
            }
            copy.Add(clone);
        }
        return IpynbJsonWriter.Write(copy);
    }

    private static string DescribeDifference(string committed, string fresh)
    {
        var a = committed.Split('\n');
        var b = fresh.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i].Trim() : "<end>";
            var y = i < b.Length ? b[i].Trim() : "<end>";
            if (x != y)
            {
                return $"committed {Truncate(x)}, now {Truncate(y)}";
            }
        }
        return "outputs differ";

        static string Truncate(string s) => s.Length > 100 ? s[..100] + "…" : s;
    }
}
