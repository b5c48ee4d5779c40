using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// Issue 21, items 1 and 5: the score and prediction columns are roles of the schema, never features (before, the
/// inference took <c>proba</c> and <c>pred</c> as numeric features unless <c>--ignore</c> named them), and
/// <c>drift</c>/<c>report --every</c> check each period with its rows' scores from the score column (before: refused
/// in one line, "use 'monitor --every'").
/// </summary>
public sealed class ScoreRolesCliTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Modeling", "Scoring", "Reference");

    /// <summary>The scored reference and batch with an ISO date column: the reference over Jan–Mar, the batch over Apr–Jun 2024 (row i in month i mod 3).</summary>
    private static readonly Lazy<(string Reference, string Batch)> Dated = new(() =>
    {
        var folder = CliRunner.TempDirectory();
        return (WithDate(Path.Combine(Folder, "reference_scored.csv"), Path.Combine(folder, "reference.csv"), 1),
            WithDate(Path.Combine(Folder, "batch_scored.csv"), Path.Combine(folder, "batch.csv"), 4));
    });

    [Fact]
    public void Schema_with_score_and_prediction_columns_writes_their_roles()
    {
        var reference = Dated.Value.Reference;
        var (code, stdout, stderr) = CliRunner.Run("schema", "--data", reference, "--score-column", "proba", "--prediction-column", "pred", "--format", "json");

        Assert.True(code == 0, stderr);
        var columns = JsonNode.Parse(stdout)!["columns"]!.AsArray();
        Assert.Equal("score", (string)columns.Single(c => (string?)c!["name"] == "proba")!["role"]!);
        Assert.Equal("prediction", (string)columns.Single(c => (string?)c!["name"] == "pred")!["role"]!);

        // The written file reads back with the roles, and the other commands take it.
        var schema = Path.Combine(CliRunner.TempDirectory(), "schema.json");
        (code, _, stderr) = CliRunner.Run("schema", "--data", reference, "--score-column", "proba", "--prediction-column", "pred", "--out", schema);
        Assert.True(code == 0, stderr);
        (code, stdout, stderr) = CliRunner.Run("drift", "--reference", reference, "--current", Dated.Value.Batch, "--schema", schema, "--score-column", "proba", "--prediction-column", "pred", "--format", "json");
        Assert.True(code == 0, stderr);
        AssertNotFeatures(JsonNode.Parse(stdout)!);
    }

    [Fact]
    public void An_inferred_schema_never_takes_the_score_column_as_a_feature()
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Dated.Value.Reference, "--current", Dated.Value.Batch, "--timestamp", "order_date", "--score-column", "proba", "--prediction-column", "pred", "--format", "json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        AssertNotFeatures(json);
        Assert.Contains("proba: score", stderr);
        Assert.NotNull(json["performance"]!["realized"]);
    }

    [Fact]
    public void A_schema_file_that_makes_the_score_column_a_feature_is_one_line()
    {
        var schema = Path.Combine(CliRunner.TempDirectory(), "schema.json");
        var (code, _, stderr) = CliRunner.Run("schema", "--data", Dated.Value.Reference, "--out", schema);
        Assert.True(code == 0, stderr);

        (code, _, stderr) = CliRunner.Run("drift", "--reference", Dated.Value.Reference, "--current", Dated.Value.Batch, "--schema", schema, "--score-column", "proba");

        Assert.Equal(1, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("column 'proba' is a numeric feature in the schema, but it is the model's score", stderr);
    }

    [Fact]
    public void Drift_every_month_takes_each_periods_scores_from_the_score_column()
    {
        var batch = Dated.Value.Batch;
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Dated.Value.Reference, "--current", batch, "--timestamp", "order_date", "--score-column", "proba", "--every", "month", "--format", "json");

        Assert.True(code == 0, stderr);
        var periods = JsonNode.Parse(stdout)!["periods"]!.AsArray();
        Assert.Equal(["2024-04", "2024-05", "2024-06"], periods.Select(p => (string)p!["period"]!).ToArray());
        // Each period's realized accuracy is its own rows' (score ≥ 0.5 against the label), counted here from the file.
        var rows = File.ReadAllLines(batch).Skip(1).Select(l => l.Split(',')).ToArray();
        for (var month = 0; month < 3; month++)
        {
            var mine = rows.Where((_, i) => i % 3 == month).ToArray();
            var correct = mine.Count(r => double.Parse(r[10], CultureInfo.InvariantCulture) >= 0.5 == (r[7] == "1"));
            var realized = periods[month]!["check"]!["performance"]!["realized"]!;
            Assert.Equal((double)correct / mine.Length, (double)realized["accuracy"]!, 1e-12);
            Assert.Equal(mine.Length, (long)periods[month]!["check"]!["rows"]!["current"]!);
        }
    }

    [Fact]
    public void Report_every_month_with_a_score_column_has_one_entry_per_period()
    {
        var html = Path.Combine(CliRunner.TempDirectory(), "report.html");
        var (code, stdout, stderr) = CliRunner.Run("report", "--reference", Dated.Value.Reference, "--current", Dated.Value.Batch, "--timestamp", "order_date", "--score-column", "proba", "--every", "month", "--out", html);

        Assert.True(code == 0, stderr);
        Assert.Contains("(3 batch(es))", stdout);
        Assert.Contains("Model health", File.ReadAllText(html));
    }

    private static void AssertNotFeatures(JsonNode json)
    {
        var features = json["features"]!.AsArray().Select(f => (string)f!["name"]!).ToArray();
        Assert.Contains("product_price", features);
        Assert.DoesNotContain("proba", features);
        Assert.DoesNotContain("pred", features);
    }

    private static string WithDate(string source, string path, int firstMonth)
    {
        var lines = File.ReadAllLines(source);
        var text = new StringBuilder(lines[0] + ",order_date\n");
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{lines[i]},2024-{firstMonth + ((i - 1) % 3):00}-{1 + ((i - 1) % 28):00}\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
