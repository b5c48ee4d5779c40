using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Formatting;
using ReturnMonitor.Notebooks.Ipynb;
using ReturnMonitor.Notebooks.Scripting;

namespace ReturnMonitor.Notebooks;

/// <summary>
/// Runs the C# cells of a Polyglot (.ipynb) notebook headlessly with Roslyn scripting and writes the
/// outputs back into the notebook, byte-stable when nothing changed.
/// </summary>
/// <remarks>
/// Runs are serialized process-wide: a run changes the current directory, the culture and
/// <see cref="Console.Out"/> while it executes.
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>Namespaces imported in every notebook (those Polyglot's C# kernel imports, plus <c>.Display()</c>).</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks",
        "ReturnMonitor.Notebooks.Interactive",
    ];

    private const string CellFilePrefix = "returnmonitor-cell-";
    private static readonly SemaphoreSlim RunLock = new(1, 1);
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferenceCache = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences =
        new(() => HostAssemblies.FrameworkAssemblies.Where(IsManagedAssembly).Select(GetReference).ToList());

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
        await RunLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        var savedDirectory = Environment.CurrentDirectory;
        var savedOut = Console.Out;
        var savedError = Console.Error;
        var savedCulture = CultureInfo.CurrentCulture;
        var savedUiCulture = CultureInfo.CurrentUICulture;
        var host = new NotebookScriptHost(collector.Display);
        try
        {
            Environment.CurrentDirectory = directory;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Console.SetOut(new CellConsoleWriter(collector, "stdout"));
            Console.SetError(new CellConsoleWriter(collector, "stderr"));
            NotebookScriptHost.Current = host;

            var resolver = new PackageResolver(options.PackagesRoot);
            var runnerAssembly = typeof(NotebookScriptHost).Assembly.Location;
            var references = new List<MetadataReference>(FrameworkReferences.Value) { GetReference(runnerAssembly) };
            var referencedNames = new HashSet<string>(HostAssemblies.FrameworkAssemblies.Select(Path.GetFileName).OfType<string>(), StringComparer.OrdinalIgnoreCase)
            {
                Path.GetFileName(runnerAssembly),
            };
            var baseOptions = ScriptOptions.Default
                .WithReferences(references)
                .WithImports(DefaultImports)
                .WithEmitDebugInformation(true)
                .WithFileEncoding(Encoding.UTF8)
                .WithLanguageVersion(LanguageVersion.Latest)
                .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory))
                .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory));
            ScriptState<object>? state = null;
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
                    return Fail(results, cell, outputs, ++executionCount, null, "KernelNotSupported", $"the cell uses kernel '{kernel}'; the ReturnMonitor notebook runner only runs C# cells", []);
                }
                var source = cell.Source;
                if (string.IsNullOrWhiteSpace(source))
                {
                    results[cell.Number] = new CellResult(outputs, null);
                    continue;
                }
                executionCount++;

                // Directives.
                string code;
                IReadOnlyList<CellDirective> directives;
                try
                {
                    (code, directives) = CellPreprocessor.Process(source);
                }
                catch (DirectiveException ex)
                {
                    return Fail(results, cell, outputs, executionCount, ex.Line, "DirectiveError", ex.Message, []);
                }
                foreach (var d in directives)
                {
                    IEnumerable<string> paths;
                    try
                    {
                        paths = ResolveDirective(d, directory, resolver);
                    }
                    catch (ReferenceResolutionException ex)
                    {
                        return Fail(results, cell, outputs, executionCount, d.Line, "ReferenceError", ex.Message, []);
                    }
                    foreach (var path in paths)
                    {
                        if (referencedNames.Add(Path.GetFileName(path)))
                        {
                            references.Add(GetReference(path));
                        }
                    }
                }

                // Compile.
                var cellFile = CellFilePrefix + cell.Number.ToString(CultureInfo.InvariantCulture) + ".csx";
                var scriptOptions = baseOptions.WithReferences(references).WithFilePath(cellFile);
                var script = state is null
                    ? CSharpScript.Create(code, scriptOptions, typeof(NotebookScriptHost))
                    : state.Script.ContinueWith(code, scriptOptions);
                var diagnostics = script.Compile(cancellationToken);
                var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                if (errors.Count > 0)
                {
                    var first = errors[0];
                    var firstLine = first.Location.GetLineSpan().StartLinePosition.Line + 1;
                    return Fail(results, cell, outputs, executionCount, firstLine, "CompilationError", FormatDiagnostic(first, withPosition: false), errors.Select(e => FormatDiagnostic(e, withPosition: true)).ToList(), evalue: FormatDiagnostic(first, withPosition: true));
                }
                var trailing = HasTrailingValue(script, cellFile);

                // Run.
                state = state is null
                    ? await script.RunAsync(host, _ => true, cancellationToken).ConfigureAwait(false)
                    : await script.RunFromAsync(state, _ => true, cancellationToken).ConfigureAwait(false);
                if (state.Exception is not null)
                {
                    var ex = Unwrap(state.Exception);
                    collector.EndCell();
                    var line = CellLine(ex, cellFile);
                    return Fail(results, cell, outputs, executionCount, line, ex.GetType().FullName ?? ex.GetType().Name, $"{ex.GetType().FullName}: {ex.Message}", Traceback(ex), evalue: ex.Message);
                }
                if (trailing && state.ReturnValue is not DisplayHandle)
                {
                    collector.Display(state.ReturnValue, []);
                }
                collector.EndCell();
                results[cell.Number] = new CellResult(outputs, executionCount);
            }
            return new Execution(results, null);
        }
        finally
        {
            NotebookScriptHost.Current = null;
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUiCulture;
            Environment.CurrentDirectory = savedDirectory;
            RunLock.Release();
        }
    }

    private static Execution Fail(Dictionary<int, CellResult> results, NotebookCell cell, List<JsonObject> outputs, int executionCount, int? line, string ename, string message, IReadOnlyList<string> traceback, string? evalue = null)
    {
        outputs.Add(OutputBuilder.Error(ename, evalue ?? message, traceback.Count > 0 ? traceback : [message]));
        results[cell.Number] = new CellResult(outputs, executionCount);
        return new Execution(results, new NotebookFailure(cell.Number, cell.Id, line, message));
    }

    private static IEnumerable<string> ResolveDirective(CellDirective d, string directory, PackageResolver resolver)
    {
        switch (d.Kind)
        {
            case DirectiveKind.PackageReference:
                return resolver.Resolve(d.Argument, d.Version).AssemblyPaths;
            case DirectiveKind.AssemblyReference:
                {
                    var fileName = Path.GetFileName(d.Argument);
                    var full = Path.GetFullPath(Path.Combine(directory, d.Argument));
                    // An assembly the host already loads (e.g. ReturnMonitor.dll referenced by the CLI) is used from the
                    // host, so the types compiled against are the ones that run.
                    if (HostAssemblies.ByFileName.TryGetValue(fileName, out var hostPath))
                    {
                        return [hostPath];
                    }
                    if (!File.Exists(full))
                    {
                        throw new ReferenceResolutionException($"#r \"{d.Argument}\": assembly not found (paths are relative to the notebook's folder); build it first (dotnet build)");
                    }
                    return [full];
                }
            default:
                return []; // #i package sources and #!csharp are accepted and ignored (packages come from the local cache).
        }
    }

    private static bool HasTrailingValue(Script script, string cellFile)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == cellFile) ?? compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax root || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static string FormatDiagnostic(Diagnostic d, bool withPosition)
    {
        var message = $"error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
        if (!withPosition)
        {
            return message;
        }
        var pos = d.Location.GetLineSpan().StartLinePosition;
        return string.Create(CultureInfo.InvariantCulture, $"({pos.Line + 1},{pos.Character + 1}): {message}");
    }

    private static Exception Unwrap(Exception ex)
    {
        while (true)
        {
            switch (ex)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    ex = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } agg:
                    ex = agg.InnerExceptions[0];
                    continue;
                default:
                    return ex;
            }
        }
    }

    /// <summary>Line of the innermost frame of the current cell in the exception's stack trace (async segments included).</summary>
    private static int? CellLine(Exception ex, string cellFile)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            foreach (var frame in ParseFrames(e))
            {
                if (frame.File is not null && Path.GetFileName(frame.File) == cellFile && frame.Line > 0)
                {
                    return frame.Line;
                }
            }
        }
        return null;
    }

    /// <summary>Traceback lines without machine paths: cell frames show "cell N, line L"; other frames show only the method.</summary>
    private static List<string> Traceback(Exception ex)
    {
        var lines = new List<string> { $"{ex.GetType().FullName}: {ex.Message}" };
        AppendFrames(lines, ex);
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            lines.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
            AppendFrames(lines, inner);
        }
        return lines;
    }

    private static readonly string[] HiddenFramePrefixes =
    [
        "Microsoft.CodeAnalysis.Scripting.", "System.Runtime.CompilerServices.", "System.Runtime.ExceptionServices.",
        "System.Threading.", "System.Reflection.", "System.RuntimeMethodHandle.",
    ];

    private static void AppendFrames(List<string> lines, Exception ex)
    {
        foreach (var frame in ParseFrames(ex))
        {
            if (HiddenFramePrefixes.Any(p => frame.Method.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }
            var location = string.Empty;
            if (frame.File is not null && Path.GetFileName(frame.File).StartsWith(CellFilePrefix, StringComparison.Ordinal))
            {
                var cellNumber = Path.GetFileNameWithoutExtension(frame.File)[CellFilePrefix.Length..];
                location = string.Create(CultureInfo.InvariantCulture, $" in cell {cellNumber}, line {frame.Line}");
            }
            lines.Add($"   at {FrameName(frame.Method)}{location}");
        }
    }

    private sealed record Frame(string Method, string? File, int Line);

    /// <summary>
    /// Parses <see cref="Exception.StackTrace"/> text, which (unlike <see cref="StackTrace"/> objects) keeps the
    /// frames from before an async rethrow.
    /// </summary>
    private static List<Frame> ParseFrames(Exception ex)
    {
        var frames = new List<Frame>();
        foreach (var raw in (ex.StackTrace ?? string.Empty).Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }
            line = line[3..];
            string? file = null;
            var lineNumber = 0;
            var inIndex = line.LastIndexOf(" in ", StringComparison.Ordinal);
            var lineIndex = line.LastIndexOf(":line ", StringComparison.Ordinal);
            if (inIndex > 0 && lineIndex > inIndex)
            {
                file = line[(inIndex + 4)..lineIndex];
                int.TryParse(line[(lineIndex + 6)..], NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber);
                line = line[..inIndex];
            }
            frames.Add(new Frame(line, file, lineNumber));
        }
        return frames;
    }

    /// <summary>"Submission#1.&lt;&lt;Initialize&gt;&gt;d__0.MoveNext()" → "&lt;top-level code&gt;"; "Submission#0.Check(Int32 v)" → "Check(Int32 v)".</summary>
    private static string FrameName(string method)
    {
        if (!method.StartsWith("Submission#", StringComparison.Ordinal))
        {
            return method;
        }
        var dot = method.IndexOf('.', StringComparison.Ordinal);
        var rest = dot >= 0 ? method[(dot + 1)..] : method;
        if (rest.StartsWith("<<Initialize>>", StringComparison.Ordinal) || rest.StartsWith("<Initialize>", StringComparison.Ordinal))
        {
            return "<top-level code>";
        }
        return rest;
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

    private static MetadataReference GetReference(string path) =>
        ReferenceCache.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
