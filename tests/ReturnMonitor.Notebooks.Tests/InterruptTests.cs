using ReturnMonitor.Notebooks.Engine;
using ReturnMonitor.Notebooks.Interactive;

namespace ReturnMonitor.Notebooks.Tests;

/// <summary>Interrupting a cell through the engine: the code stops, the engine and its state live on.</summary>
public class InterruptTests
{
    private sealed class TextSink : ICellOutputSink
    {
        public System.Text.StringBuilder Text { get; } = new();
        public object? Result { get; private set; }
        public void Write(string stream, string text) { lock (Text) { Text.Append(text); } }
        public int Length { get { lock (Text) { return Text.Length; } } }
        public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes) => new(_ => { });
        public void ShowResult(object? value) => Result = value;
    }

    [Fact]
    public async Task A_sleeping_loop_stops_on_every_interrupt_and_later_cells_see_the_state()
    {
        using var engine = await NotebookEngine.StartAsync(Nb.TempDir());
        Assert.True((await engine.ExecuteAsync("var kept = 7; var rounds = 0;", 1, new TextSink())).Succeeded);
        for (var i = 0; i < 3; i++)
        {
            // Interrupt once the loop runs (a fixed delay may end before the cell compiles on a loaded machine).
            using var interrupt = new CancellationTokenSource();
            var sink = new TextSink();
            var running = engine.ExecuteAsync("rounds++; Console.WriteLine(\"in\"); while (true) { System.Threading.Thread.Sleep(20); }", 2 + i, sink, interrupt.Token);
            while (sink.Length == 0 && !running.IsCompleted)
            {
                await Task.Delay(20);
            }
            await interrupt.CancelAsync();
            var outcome = await running;
            Assert.Equal("Interrupted", outcome.Error?.Name);
            Assert.Equal("the cell was interrupted", outcome.Error?.Value);
        }
        var after = new TextSink();
        Assert.True((await engine.ExecuteAsync("kept * 10 + rounds", 9, after)).Succeeded);
        Assert.Equal(73, after.Result);
    }

    [Fact]
    public async Task A_loop_that_only_prints_stops_on_interrupt_within_seconds_and_the_engine_lives_on()
    {
        // A loop that never waits cannot be woken; its console writes are where it notices the interrupt.
        using var engine = await NotebookEngine.StartAsync(Nb.TempDir());
        var sink = new TextSink();
        using var interrupt = new CancellationTokenSource();
        var running = engine.ExecuteAsync("long i = 0; while (true) { Console.WriteLine(i++); }", 1, sink, interrupt.Token);
        while (sink.Length < 1000 && !running.IsCompleted)
        {
            await Task.Delay(20); // interrupt once the loop is printing (compiling the first cell takes a while)
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        await interrupt.CancelAsync();
        var outcome = await running;
        var afterInterrupt = started.Elapsed;

        Assert.Equal("Interrupted", outcome.Error?.Name);
        Assert.Equal("the cell was interrupted", outcome.Error?.Value);
        Assert.True(afterInterrupt < TimeSpan.FromSeconds(3), $"interrupt honoured after {afterInterrupt.TotalSeconds:F1} s");
        Assert.StartsWith("0\n1\n2\n", sink.Text.ToString(), StringComparison.Ordinal);
        var after = new TextSink();
        Assert.True((await engine.ExecuteAsync("6 * 7", 2, after)).Succeeded);
        Assert.Equal(42, after.Result);
    }

    [Fact]
    public async Task A_cell_interrupted_before_it_starts_does_not_run()
    {
        using var engine = await NotebookEngine.StartAsync(Nb.TempDir());
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var outcome = await engine.ExecuteAsync("var ran = 1;", 1, new TextSink(), interrupt.Token);
        Assert.Equal("Interrupted", outcome.Error?.Name);

        var after = await engine.ExecuteAsync("ran", 2, new TextSink());
        Assert.Equal("CompilationError", after.Error?.Name);
        Assert.Contains("CS0103", after.Error!.Value, StringComparison.Ordinal);
        Assert.True((await engine.ExecuteAsync("1 + 1", 3, new TextSink())).Succeeded);
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Interrupting_when_no_cell_runs_leaves_the_engine_working()
    {
        using var engine = await NotebookEngine.StartAsync(Nb.TempDir());
        Assert.True((await engine.ExecuteAsync("var n = 2;", 1, new TextSink())).Succeeded);
        engine.Interrupt();
        await Task.Delay(200);
        engine.Interrupt();
        var after = new TextSink();
        var outcome = await engine.ExecuteAsync("n + 1", 2, after);
        Assert.True(outcome.Succeeded, outcome.Error?.Message);
        Assert.Equal(3, after.Result);
    }
}
