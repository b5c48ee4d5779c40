using System.Text.Json.Nodes;
using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// A batch column that is entirely empty (pandas writes NA back as an empty cell) is a data-quality alarm naming the
/// column; its drift is reported as not computable; the batch is still monitored with exit 0 by drift, report and monitor.
/// Before: "error: categorical sample is empty" / "Data passed to the KS test must not be empty", exit 1.
/// </summary>
public sealed class EmptyColumnCliTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>
{
    /// <summary>A copy of the committed normal batch with <paramref name="column"/> blanked on every row.</summary>
    private static string Blanked(string column)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv"));
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            cells[index] = "";
            lines[i] = string.Join(',', cells);
        }

        var path = Path.Combine(CliRunner.TempDirectory(), $"blank-{column}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Theory]
    [InlineData(OrderSchema.SizeOrdered)]
    [InlineData(OrderSchema.ProductPrice)]
    public void Drift_reports_the_empty_column_as_a_data_quality_alarm_and_its_drift_as_not_computable(string column)
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Path.Combine(TestPaths.Data, "train.csv"), "--current", Blanked(column), "--format", "json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var features = json["features"]!.AsArray();
        var blank = features.Single(f => (string?)f!["name"] == column)!;
        Assert.Equal("no value in the batch", (string?)blank["notComputable"]);
        Assert.Equal("none", (string?)blank["severity"]);
        Assert.Null(blank["psi"]);
        Assert.Null(blank["adjustedPValue"]);
        // The other eight are computed and carry no such mark.
        Assert.Equal(8, features.Count(f => f!["notComputable"] is null && f["psi"] is not null));
        var quality = json["dataQuality"]!;
        Assert.True((bool)quality["alarm"]!);
        var named = quality["features"]!.AsArray().Single(f => (string?)f!["name"] == column)!;
        Assert.Equal(1000, (long)named["missing"]!);
        Assert.True((bool)named["alarm"]!);
    }

    [Fact]
    public void The_text_table_says_not_computable()
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Path.Combine(TestPaths.Data, "train.csv"), "--current", Blanked(OrderSchema.SizeOrdered));

        Assert.True(code == 0, stderr);
        Assert.Contains("not computable: no value in the batch", stdout);
        Assert.DoesNotContain("NaN", stdout);
    }

    [Fact]
    public void Monitor_and_report_with_a_model_still_check_the_batch()
    {
        var batch = Blanked(OrderSchema.ProductPrice);
        var history = fixture.History();

        var (code, stdout, stderr) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", batch, "--period", "2026-W02");
        Assert.True(code == 0, stderr);
        Assert.Contains("dataQuality: product_price 100.0% missing", stdout);

        var html = Path.Combine(CliRunner.TempDirectory(), "report.html");
        (code, _, stderr) = CliRunner.Run("report", "--reference", Path.Combine(fixture.Model, "profile.json"), "--model", fixture.Model, "--current", batch, "--history", history, "--out", html);
        Assert.True(code == 0, stderr);
        Assert.Contains("not computable", File.ReadAllText(html));
    }
}
