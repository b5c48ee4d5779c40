using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace ReturnMonitor.Tests.Cli;

public sealed class MonitorCommandTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>
{
    private (int ExitCode, string Out, string Err) Monitor(string history, int week, params string[] extra) =>
        CliRunner.Run(["monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[week - 1], "--period", $"2026-W{week:00}", .. extra]);

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Monitor_records_once_per_period_and_content_and_history_lists_it_as_text_json_and_csv()
    {
        var history = fixture.History();
        var (code, stdout, stderr) = Monitor(history, 2);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("2026-W02 week02.csv: healthy (score ", stdout);
        Assert.Contains("— recorded (id 2)", stdout);
        Assert.Contains("CUSUM ", stdout);
        Assert.DoesNotContain("calibrating", stderr); // the template's calibration is reused

        var again = Monitor(history, 2);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already recorded (id 2); nothing changed", again.Out);

        var json = JsonNode.Parse(CliRunner.Run("history", "--history", history, "--format", "json").Out)!;
        Assert.Equal("returnmonitor-history", (string?)json["format"]);
        var batches = json["batches"]!.AsArray();
        Assert.Equal(["2026-W01", "2026-W02"], batches.Select(b => (string?)b!["period"]));
        Assert.Equal(9, batches[1]!["features"]!.AsArray().Count);
        Assert.Equal(5, batches[1]!["modelHealth"]!.AsArray().Count);
        Assert.NotNull(batches[1]!["sequential"]!["threshold"]);
        // The check's money section reaches the history: the same expected return cost as `drift --model`.
        var money = batches[1]!["money"]!;
        var drift = JsonNode.Parse(CliRunner.Run("drift", "--model", fixture.Model, "--reference", Path.Combine(fixture.Model, "profile.json"),
            "--current", fixture.Batches[1], "--format", "json").Out)!["money"]!["returnCost"]!;
        Assert.Equal((double)drift["expectedTotal"]!, (double)money["expectedReturnCost"]!, 9);
        Assert.InRange((double)money["expectedReturnCost"]!, (double)money["expectedReturnCostLower"]!, (double)money["expectedReturnCostUpper"]!);

        var csv = CliRunner.Run("history", "--history", history, "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("id,period,period_start,source,rows,status,score,evidence,cusum,", csv[0]);
        Assert.StartsWith("2,2026-W02,2026-01-05,week02.csv,400,healthy,", csv[2]);

        var text = CliRunner.Run("history", "--history", history).Out;
        Assert.Contains("2 batch(es)", text);
    }

    [Fact]
    public void The_flash_sale_week_alerts_and_an_undeliverable_webhook_is_reported_and_stored_without_losing_the_record()
    {
        var history = fixture.History();
        Assert.Equal(0, Monitor(history, 3).ExitCode);
        // Port 9 (discard) on 127.0.0.1: nothing listens, so every attempt is refused.
        var (code, stdout, stderr) = Monitor(history, 4, "--notify", "http://127.0.0.1:9/hooks/secret", "--notify-format", "slack");
        Assert.Equal(0, code);
        Assert.StartsWith("2026-W04 week04.csv: critical", stdout);
        Assert.StartsWith("warning: alert to http://127.0.0.1:9/… not delivered after 3 attempt(s): ", stderr.Split('\n').Last(l => l.Length > 0));
        var text = CliRunner.Run("history", "--history", history).Out;
        Assert.Contains("critical", text);
        Assert.Contains("alert 2026-W04 → http://127.0.0.1:9/… (slack): FAILED after 3 attempt(s)", text);
        Assert.DoesNotContain("secret", text);
    }

    [Theory]
    [InlineData("not-a-db", "not a ReturnMonitor history: the file is not an SQLite database")]
    [InlineData("newer", "history schema version 99 is newer than this ReturnMonitor reads (version 4); upgrade ReturnMonitor")]
    [InlineData("read-only", "the history file is read-only; monitoring needs to write to it")]
    public void A_bad_history_file_is_one_line_and_exit_code_1(string kind, string problem)
    {
        var history = fixture.History();
        switch (kind)
        {
            case "not-a-db":
                File.WriteAllText(history, new string('x', 4096));
                break;
            case "newer":
                using (var raw = new SqliteConnection($"Data Source={history};Pooling=False"))
                {
                    raw.Open();
                    using var command = raw.CreateCommand();
                    command.CommandText = "PRAGMA user_version = 99;";
                    command.ExecuteNonQuery();
                }

                break;
            default:
                File.SetAttributes(history, FileAttributes.ReadOnly);
                break;
        }

        try
        {
            // 'history' only reads: a read-only file is fine for it (HistoryReadOnlyTests).
            var runs = kind == "read-only" ? new[] { Monitor(history, 2) } : [Monitor(history, 2), CliRunner.Run("history", "--history", history)];
            foreach (var (code, stdout, stderr) in runs)
            {
                Assert.Equal(1, code);
                Assert.Equal("", stdout);
                Assert.Equal($"error: {history}: {problem}\n", stderr);
            }
        }
        finally
        {
            File.SetAttributes(history, FileAttributes.Normal);
        }
    }

    [Fact]
    public void A_bad_period_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", fixture.History(), "--current", fixture.Batches[0], "--period", "2026-W60");
        Assert.Equal(1, code);
        Assert.Equal("error: --period: period '2026-W60': 2026 has no ISO week 60\n", stderr);
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Two_monitor_processes_writing_one_history_at_once_lose_and_duplicate_nothing()
    {
        var history = fixture.History();
        // Each process records three weeks of its own and the same shared week, all at the same time.
        var processes = new[] { new[] { 2, 3, 4, 8 }, new[] { 5, 6, 7, 8 } }
            .SelectMany(weeks => weeks)
            .Select(week => MonitorFixture.Start("monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[week - 1], "--period", $"2026-W{week:00}"))
            .ToArray();
        foreach (var process in processes)
        {
            var err = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, err);
        }

        var periods = JsonNode.Parse(CliRunner.Run("history", "--history", history, "--format", "json").Out)!["batches"]!.AsArray().Select(b => (string?)b!["period"]).ToArray();
        Assert.Equal(Enumerable.Range(1, 8).Select(w => $"2026-W{w:00}"), periods);
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void A_process_killed_mid_run_leaves_a_readable_history_with_every_completed_record()
    {
        var history = fixture.History();
        var completed = new List<int> { 1 };
        // Kill runs at staggered moments (before, during and after the write); whatever finished must be there, whole.
        var delays = new[] { 150, 400, 700, 1000, 1300, 1600, 2000 };
        var killed = 0;
        for (var i = 0; i < delays.Length; i++)
        {
            var week = i + 2;
            using var process = MonitorFixture.Start("monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[week - 1], "--period", $"2026-W{week:00}");
            if (!process.WaitForExit(delays[i]))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                killed++;
            }
            else if (process.ExitCode == 0)
            {
                completed.Add(week);
            }
        }

        Assert.True(killed > 0, "no run was killed: the delays are too long for this machine");
        using (var raw = new SqliteConnection($"Data Source={history};Pooling=False"))
        {
            raw.Open();
            using var check = raw.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        var batches = JsonNode.Parse(CliRunner.Run("history", "--history", history, "--format", "json").Out)!["batches"]!.AsArray();
        var recorded = batches.Select(b => int.Parse(((string)b!["period"]!)[6..])).ToArray();
        Assert.Subset(recorded.ToHashSet(), completed.ToHashSet());
        Assert.All(batches, b => Assert.Equal(9, b!["features"]!.AsArray().Count));
        Assert.All(batches, b => Assert.Equal(5, b!["modelHealth"]!.AsArray().Count));
        // And the file takes new records after the kills.
        Assert.Equal(0, Monitor(history, 8).ExitCode);
    }
}
