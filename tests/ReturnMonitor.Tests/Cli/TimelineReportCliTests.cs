namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// <c>report --history FILE --out report.html</c> alone draws the timeline (before: "Option '--reference' is required",
/// then "--current" — a dashboard needed a batch).
/// </summary>
public sealed class TimelineReportCliTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>
{
    [Fact]
    public void The_history_alone_draws_the_timeline()
    {
        var history = fixture.History();
        foreach (var (batch, period) in new[] { (1, "2026-W02"), (2, "2026-W03") })
        {
            var (recorded, _, error) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[batch], "--period", period);
            Assert.True(recorded == 0, error);
        }

        var output = Path.Combine(CliRunner.TempDirectory(), "timeline.html");
        var (code, stdout, stderr) = CliRunner.Run("report", "--history", history, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal($"wrote {output} (timeline of 3 recorded batch(es))\n", stdout);
        var html = File.ReadAllText(output);
        Assert.Contains("<section id=\"timeline\">", html);
        Assert.Contains("\"periods\":[\"2026-W01\",\"2026-W02\",\"2026-W03\"]", html);
        Assert.DoesNotContain("batch-select", html);
        Assert.DoesNotContain(Path.GetDirectoryName(history)!, html);
    }

    [Fact]
    public void Without_batches_or_history_and_with_an_empty_history_it_says_what_to_give()
    {
        var output = Path.Combine(CliRunner.TempDirectory(), "r.html");
        var (code, _, stderr) = CliRunner.Run("report", "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("give --reference with --current (one or more batches), or --history FILE alone for the timeline", stderr);
        Assert.Single(stderr.Trim().Split('\n'));

        (code, _, stderr) = CliRunner.Run("report", "--current", fixture.Batches[1], "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("--current needs --reference", stderr);

        var empty = Path.Combine(CliRunner.TempDirectory(), "empty.db");
        using (ReturnMonitor.History.HistoryStore.Open(empty))
        {
        }

        (code, _, stderr) = CliRunner.Run("report", "--history", empty, "--out", output);
        Assert.Equal(1, code);
        Assert.Contains("no batch recorded yet", stderr);
        Assert.False(File.Exists(output));
    }
}
