using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using ReturnMonitor.Notebooks.Interactive;

namespace ReturnMonitor.Notebooks.Engine;

/// <summary>
/// The one C# engine behind every way of running a notebook (the headless runner, <c>notebooks run --check</c> and the
/// Jupyter kernel): the C# kernel of .NET Interactive (<c>Microsoft.DotNet.Interactive.CSharp</c>) hosted in this
/// process, with <c>#r "nuget: …"</c> (restored from the configured NuGet sources), <c>#r "path.dll"</c>,
/// <c>display()</c>, <c>HTML()</c> and <c>value.Display()</c>.
/// </summary>
/// <remarks>
/// Hosting the engine in our own process (rather than the <c>dotnet interactive</c> tool) is what lets Plotly.NET 6
/// work: this assembly references Plotly.NET, so one FSharp.Core (10.1) is loaded for both. Cells run one at a time
/// per process: a cell's console output, culture and working directory are process-wide.
/// </remarks>
public sealed class NotebookEngine : IDisposable
{
    /// <summary>Namespaces imported in every cell besides .NET Interactive's own (System, System.Linq, …).</summary>
    public static readonly IReadOnlyList<string> DefaultImports = ["ReturnMonitor.Notebooks.Interactive"];

    private static readonly SemaphoreSlim ProcessLock = new(1, 1);

    // The C# kernel keeps its script options private. Giving each cell its own file name (and debug information) is
    // what makes stack frames say "cell N, line L"; without the field the engine still works, only without lines.
    private static readonly FieldInfo? ScriptOptionsField =
        typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly CSharpKernel kernel;
    private bool disposed;

    // The thread running cell code right now (the kernel scheduler's own), or null when no cell code runs: it is set
    // when the kernel announces the submission (on the thread about to run it) and cleared as soon as the code is
    // known to have stopped. An interrupt wakes only this thread, and only while it is set: waking the scheduler
    // outside cell code (its idle wait for the next command) would end its run loop and hang every later cell.
    private volatile Thread? cellThread;

    // Set when an interrupted cell would not stop (a loop that never waits): the kernel's scheduler is still busy
    // with it, so later cells would only queue behind it.
    private volatile bool wedged;

    // Which submission runs (an interrupt's delayed Cancel must not reach a later one) and whether one runs at all.
    private long submission;
    private volatile bool submitting;

    private NotebookEngine(CSharpKernel kernel, string workingDirectory)
    {
        this.kernel = kernel;
        WorkingDirectory = workingDirectory;
        AppDomain.CurrentDomain.FirstChanceException += OnFirstChanceException;
    }

    /// <summary>
    /// The moment the woken cell thread throws <see cref="ThreadInterruptedException"/> its code is unwinding: from then on
    /// it must not be woken again. Without this, a later wake (the interrupt loop polls every 50 ms until the probe is
    /// announced) could land in the scheduler's own wait between the cell's end and the probe's start — on a loaded
    /// machine that window is wide enough — and end the scheduler's run loop, hanging every later cell.
    /// </summary>
    private void OnFirstChanceException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
    {
        if (e.Exception is ThreadInterruptedException && ReferenceEquals(Thread.CurrentThread, cellThread))
        {
            cellThread = null;
        }
    }

    /// <summary>The notebook's folder: the working directory while cells run and the base of relative <c>#r</c> paths.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Whether cell stack frames carry cell line numbers (see the remarks on the private field access).</summary>
    public static bool HasCellLineNumbers => ScriptOptionsField is not null;

    /// <summary>Starts an engine whose cells run in <paramref name="workingDirectory"/>.</summary>
    public static async Task<NotebookEngine> StartAsync(string workingDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        var kernel = new CSharpKernel().UseNugetDirective((k, packages) =>
        {
            k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
            return Task.CompletedTask;
        });
        // The ReturnMonitor library and its packages come from the host (the CLI, the kernel): a notebook needs neither a
        // build of the library nor #r "nuget: …" lines that repeat the versions of Directory.Packages.props.
        kernel.AddAssemblyReferences(HostAssemblies.Closure(typeof(NotebookHelpers).Assembly, typeof(ReturnMonitor.Reporting.PlotlyJs).Assembly, typeof(ReturnMonitor.History.HistoryStore).Assembly));
        var engine = new NotebookEngine(kernel, Path.GetFullPath(workingDirectory));
        var prelude = "using static ReturnMonitor.Notebooks.Interactive.NotebookHelpers;\n"
            + string.Concat(DefaultImports.Select(n => $"using {n};\n"));
        var outcome = await engine.ExecuteAsync(prelude, 0, new DiscardingSink(), cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            engine.Dispose();
            throw new InvalidOperationException("the C# engine could not start: " + outcome.Error!.Message);
        }
        return engine;
    }

    /// <summary>
    /// Runs the code of cell <paramref name="cellNumber"/>: console text and displayed values go to <paramref name="sink"/>
    /// as they happen, a trailing expression's value last. Never throws for a failing cell: the failure is the outcome.
    /// Cancelling <paramref name="cancellationToken"/> interrupts the cell.
    /// </summary>
    public async Task<CellOutcome> ExecuteAsync(string code, int cellNumber, ICellOutputSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(sink);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (this.wedged)
        {
            return Failed("Interrupted", WedgedMessage, null);
        }
        try
        {
            await ProcessLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return Failed("Interrupted", "the cell was interrupted", null); // while waiting its turn: nothing ran
        }
        var savedDirectory = Environment.CurrentDirectory;
        var savedCulture = CultureInfo.CurrentCulture;
        var savedUiCulture = CultureInfo.CurrentUICulture;
        var cellFile = ExceptionTraceback.CellFile(cellNumber);
        try
        {
            Environment.CurrentDirectory = WorkingDirectory;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            NotebookHelpers.Current = sink;
            SetCellFile(cellFile);

            // Directives go first, as a submission of their own (one NuGet restore for all of them); the C# code follows
            // with the directive lines left empty, so compiler and stack-trace line numbers are the cell's own.
            var (directives, csharp) = CellSource.Split(code);
            if (directives.Count > 0)
            {
                var block = string.Join('\n', directives.Select(d => d.Text));
                var directiveResult = await SubmitAsync(block, sink, cancellationToken).ConfigureAwait(false);
                if (directiveResult is null || cancellationToken.IsCancellationRequested)
                {
                    return await InterruptedAsync().ConfigureAwait(false);
                }
                if (CellFailures.Failure(directiveResult, block, cellFile, line => directives[Math.Clamp(line - 1, 0, directives.Count - 1)].Line) is { } directiveError)
                {
                    return new CellOutcome(directiveError);
                }
            }
            if (string.IsNullOrWhiteSpace(csharp))
            {
                return new CellOutcome(null);
            }
            var result = await SubmitAsync(csharp, sink, cancellationToken).ConfigureAwait(false);
            if (result is null || cancellationToken.IsCancellationRequested)
            {
                return await InterruptedAsync().ConfigureAwait(false);
            }
            if (CellFailures.Failure(result, csharp, cellFile, line => line) is { } error)
            {
                return new CellOutcome(error);
            }
            foreach (var value in result.Events.OfType<ReturnValueProduced>())
            {
                if (value.Value is not DisplayHandle)
                {
                    sink.ShowResult(value.Value);
                }
            }
            return new CellOutcome(null);
        }
        finally
        {
            NotebookHelpers.Current = null;
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUiCulture;
            Environment.CurrentDirectory = savedDirectory;
            ProcessLock.Release();
        }
    }

    private async Task<Microsoft.DotNet.Interactive.KernelCommandResult?> SubmitAsync(string code, ICellOutputSink sink, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null; // interrupted before it started: nothing runs
        }
        // The kernel captures the console per command and publishes it as events, in order with everything else.
        using var events = this.kernel.KernelEvents.Subscribe(e =>
        {
            if (e is CodeSubmissionReceived)
            {
                cellThread = Thread.CurrentThread; // published synchronously by the thread about to run the code
                if (cancellationToken.IsCancellationRequested)
                {
                    // The interrupt came while the submission was queued: cancel it now that it is the running command.
                    _ = Task.Run(() => this.kernel.SendAsync(new Cancel()));
                }
            }
            ForwardConsole(e, sink);
        });
        Interlocked.Increment(ref this.submission);
        submitting = true;
        try
        {
            using (cancellationToken.Register(Interrupt))
            {
                var result = await this.kernel.SendAsync(new SubmitCode(code)).ConfigureAwait(false);
                if (!cancellationToken.IsCancellationRequested)
                {
                    cellThread = null; // the command completed normally, so its code has returned
                }
                return result;
            }
        }
        finally
        {
            submitting = false;
        }
    }

    private const string WedgedMessage = "an interrupted cell is still running (a loop that never waits cannot be stopped from outside); restart the kernel";

    /// <summary>
    /// Stops the running cell, if any; the engine and its state stay usable. A cell stops at once when it waits
    /// (sleep, I/O wait, lock, await); a loop that never waits cannot be stopped in .NET and needs a kernel restart.
    /// </summary>
    public void Interrupt()
    {
        if (disposed)
        {
            return;
        }
        var submission = Interlocked.Read(ref this.submission);
        // Off the caller's thread (the kernel's poller cancels on its own thread): waking may hold the console a moment.
        _ = Task.Run(async () =>
        {
            // Waking the thread ends the code itself; Cancel ends the kernel's command when waking could not (a loop
            // that neither waits nor prints). Cancel comes second because a cancelled command stops capturing the
            // console: what the cell printed while stopping would leave the notebook for the process's own stdout.
            if (WakeCellThread())
            {
                var until = Environment.TickCount64 + 500;
                while (submitting && Interlocked.Read(ref this.submission) == submission && Environment.TickCount64 < until)
                {
                    await Task.Delay(20).ConfigureAwait(false);
                }
            }
            if (submitting && Interlocked.Read(ref this.submission) == submission)
            {
                _ = this.kernel.SendAsync(new Cancel());
            }
        });
    }

    /// <summary>Wakes the cell thread if it waits, or makes a printing loop wait and wakes it; true if it was woken.</summary>
    private bool WakeCellThread()
    {
        // Only a thread that is waiting is interrupted: an interrupt left pending would hit the scheduler's own next wait.
        if (cellThread is not { } thread)
        {
            return false;
        }
        if ((thread.ThreadState & ThreadState.WaitSleepJoin) != 0)
        {
            thread.Interrupt();
            return true;
        }
        // A loop that never waits but writes to the console: the console's writers are synchronized (a lock per writer),
        // so holding that lock for a moment makes the loop's next write wait, and a waiting thread can be woken.
        foreach (var writer in new[] { Console.Out, Console.Error })
        {
            lock (writer)
            {
                var until = Environment.TickCount64 + ConsoleHoldMilliseconds;
                while (Environment.TickCount64 < until && ReferenceEquals(cellThread, thread))
                {
                    if ((thread.ThreadState & ThreadState.WaitSleepJoin) != 0)
                    {
                        thread.Interrupt();
                        return true;
                    }
                    Thread.Yield();
                }
            }
        }
        return false;
    }

    // How long an interrupt holds each console writer waiting for a printing loop to block on it.
    private const int ConsoleHoldMilliseconds = 20;

    /// <summary>After an interrupt: waits until the cell's code has really stopped, waking it as needed.</summary>
    private async Task<CellOutcome> InterruptedAsync()
    {
        if (cellThread is null)
        {
            return Failed("Interrupted", "the cell was interrupted", null); // its code never started or already returned
        }
        // An empty submission starts only once the scheduler is free, i.e. once the interrupted code has returned; the
        // moment it is announced, the cell thread is no longer running cell code and must not be woken again.
        var probeStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (this.kernel.KernelEvents.Subscribe(e =>
        {
            if (e is CodeSubmissionReceived received && received.Code == ProbeCode)
            {
                cellThread = null;
                probeStarted.TrySetResult();
            }
        }))
        {
            var probe = this.kernel.SendAsync(new SubmitCode(ProbeCode));
            var deadline = DateTime.UtcNow + InterruptGrace;
            while (!probeStarted.Task.IsCompleted && !probe.IsCompleted && DateTime.UtcNow < deadline)
            {
                WakeCellThread();
                await Task.WhenAny(probeStarted.Task, probe, Task.Delay(50)).ConfigureAwait(false);
            }
            if (!probeStarted.Task.IsCompleted && !probe.IsCompleted)
            {
                this.wedged = true;
                return Failed("Interrupted", WedgedMessage, null);
            }
            await probe.ConfigureAwait(false);
        }
        return Failed("Interrupted", "the cell was interrupted", null);
    }

    // A comment, so the probe compiles to nothing and its announcement is told apart from any cell's.
    private const string ProbeCode = "// ReturnMonitor interrupt probe";

    // How long an interrupted cell may take to stop before the engine calls it wedged (generous for a loaded machine).
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(20);

    /// <summary>Completions at <paramref name="cursor"/> (UTF-16 offset) from the engine's language services.</summary>
    public async Task<CompletionResult> CompleteAsync(string code, int cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }
        var prefix = code[start..cursor];
        var result = await this.kernel.SendAsync(new RequestCompletions(code, CellSource.Position(code, cursor)), cancellationToken).ConfigureAwait(false);
        var matches = result.Events.OfType<CompletionsProduced>()
            .SelectMany(c => c.Completions)
            // Insert texts may be editor snippets ("Equals($1)"); Jupyter frontends insert matches literally.
            .Select(c => string.IsNullOrEmpty(c.InsertText) || c.InsertText.Contains('$', StringComparison.Ordinal) ? c.DisplayText : c.InsertText)
            .Where(t => !string.IsNullOrEmpty(t) && t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(t => t, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionResult(start, cursor, matches);
    }

    /// <summary>Hover text (markdown) for the symbol at <paramref name="cursor"/>, or null.</summary>
    public async Task<string?> HoverAsync(string code, int cursor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        cursor = Math.Clamp(cursor, 0, code.Length);
        // Hover at the end of a word finds nothing; step back into it.
        if (cursor > 0 && (cursor == code.Length || !char.IsLetterOrDigit(code[cursor])) && char.IsLetterOrDigit(code[cursor - 1]))
        {
            cursor--;
        }
        var result = await this.kernel.SendAsync(new RequestHoverText(code, CellSource.Position(code, cursor)), cancellationToken).ConfigureAwait(false);
        var content = result.Events.OfType<HoverTextProduced>().SelectMany(h => h.Content)
            .OrderBy(v => v.MimeType == "text/markdown" ? 0 : 1)
            .Select(v => v.Value)
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return content;
    }

    /// <summary>
    /// Jupyter's <c>is_complete</c> status of a cell: <c>complete</c>, <c>incomplete</c> (an open block or string)
    /// or <c>invalid</c>. Directive lines (<c>#r</c>, <c>#i</c>, <c>#!</c>) count as complete.
    /// </summary>
    public static string IsComplete(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var csharp = string.Join('\n', code.Split('\n').Select(l => CellSource.DirectiveLine().IsMatch(l) ? string.Empty : l));
        var tree = CSharpSyntaxTree.ParseText(csharp, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest));
        if (SyntaxFactory.IsCompleteSubmission(tree))
        {
            return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
        }
        return "incomplete";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            AppDomain.CurrentDomain.FirstChanceException -= OnFirstChanceException;
            this.kernel.Dispose();
        }
    }

    private static void ForwardConsole(KernelEvent e, ICellOutputSink sink)
    {
        switch (e)
        {
            case StandardOutputValueProduced output:
                sink.Write("stdout", string.Concat(output.FormattedValues.Select(v => v.Value)));
                break;
            case StandardErrorValueProduced error:
                sink.Write("stderr", string.Concat(error.FormattedValues.Select(v => v.Value)));
                break;
        }
    }

    private static CellOutcome Failed(string name, string message, int? line) =>
        new(new CellError(name, message, [message], line, message));

    private void SetCellFile(string cellFile)
    {
        if (ScriptOptionsField?.GetValue(this.kernel) is ScriptOptions options)
        {
            ScriptOptionsField.SetValue(this.kernel, options.WithFilePath(cellFile).WithFileEncoding(System.Text.Encoding.UTF8).WithEmitDebugInformation(true));
        }
    }
}
