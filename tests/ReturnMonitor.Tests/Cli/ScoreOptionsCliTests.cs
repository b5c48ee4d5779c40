using System.Text.Json.Nodes;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// <c>drift</c>, <c>report</c> and <c>monitor</c> watch a model trained elsewhere from <c>--reference SCORED_FILE</c> and
/// <c>--score-column</c> (or <c>--onnx</c>) instead of <c>--model DIR</c>; bad scores, conflicting options and ONNX inputs
/// that do not match are one line on stderr and exit 1.
/// </summary>
public sealed class ScoreOptionsCliTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Modeling", "Scoring", "Reference");
    private static readonly string Reference = Path.Combine(Folder, "reference_scored.csv");
    private static readonly string Batch = Path.Combine(Folder, "batch_scored.csv");

    [Fact]
    public void Drift_with_a_score_column_gives_the_model_sections_with_sklearns_realized_metrics()
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Reference, "--current", Batch, "--score-column", "proba", "--prediction-column", "pred", "--format", "json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!["batch_scored.csv"]!;
        Assert.Equal((double)expected["rocAuc"]!, (double)json["performance"]!["realized"]!["rocAuc"]!, 1e-9);
        Assert.Equal((double)expected["accuracy"]!, (double)json["performance"]!["realized"]!["accuracy"]!, 1e-9);
        Assert.NotNull(json["performance"]!["estimated"]);
        Assert.NotNull(json["performance"]!["reliability"]);
        Assert.NotNull(json["performance"]!["calibration"]);
        Assert.NotNull(json["predictionDrift"]);
        Assert.NotNull(json["money"]);
    }

    [Fact]
    public void A_bad_score_in_the_batch_is_one_line_naming_file_line_and_column()
    {
        var lines = File.ReadAllLines(Batch);
        var cells = lines[5].Split(',');
        cells[10] = "1.5";
        lines[5] = string.Join(',', cells);
        var bad = Path.Combine(CliRunner.TempDirectory(), "bad.csv");
        File.WriteAllLines(bad, lines);

        var (code, _, stderr) = CliRunner.Run("drift", "--reference", Reference, "--current", bad, "--score-column", "proba");

        Assert.Equal(1, code);
        Assert.Equal($"error: {bad}:6: column 'proba': score 1.5 is not a probability: a score must be from 0 to 1 (not NaN)\n", stderr);
    }

    [Theory]
    [InlineData("--score-column", "proba", "--model", "somewhere", "--model, --score-column and --onnx are three ways")]
    [InlineData("--prediction-column", "pred", null, null, "go with --score-column or --onnx")]
    [InlineData("--score-column", "proba", "--onnx-output", "p", "--onnx-output goes with --onnx")]
    [InlineData("--score-column", "proba", "--threshold", "1.5", "--threshold must be a number from 0 to 1")]
    public void Conflicting_options_are_one_usage_line(string a, string b, string? c, string? d, string message)
    {
        string[] args = ["drift", "--reference", Reference, "--current", Batch, a, b, .. c is null ? Array.Empty<string>() : [c, d!]];

        var (code, _, stderr) = CliRunner.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void An_onnx_model_whose_inputs_do_not_match_names_the_missing_inputs_in_one_line()
    {
        var folder = CliRunner.TempDirectory();
        var script = Path.Combine(TestPaths.Repository, "tests", "reference", "make_onnx_models.py");
        using (var python = System.Diagnostics.Process.Start("/usr/bin/python3", [script, folder]))
        {
            python.WaitForExit();
            Assert.Equal(0, python.ExitCode);
        }

        var (code, _, stderr) = CliRunner.Run("drift", "--reference", Reference, "--current", Batch, "--onnx", Path.Combine(folder, "wrong_inputs.onnx"));

        Assert.Equal(1, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("customer_age (float [n,1]) missing", stderr);

        var (ok, stdout, err) = CliRunner.Run("drift", "--reference", Reference, "--current", Batch, "--onnx", Path.Combine(folder, "probabilities.onnx"), "--format", "json");
        Assert.True(ok == 0, err);
        Assert.StartsWith("ONNX model probabilities.onnx", (string)JsonNode.Parse(stdout)!["performance"]!["scores"]!["source"]!);
    }

    [Fact]
    public void Report_and_monitor_take_the_same_options()
    {
        var folder = CliRunner.TempDirectory();
        var html = Path.Combine(folder, "report.html");
        var (code, _, stderr) = CliRunner.Run("report", "--reference", Reference, "--current", Batch, "--score-column", "proba", "--out", html);
        Assert.True(code == 0, stderr);
        Assert.Contains("Model health", File.ReadAllText(html));

        var history = Path.Combine(folder, "history.db");
        string[] monitor = ["monitor", "--reference", Reference, "--score-column", "proba", "--history", history, "--current", Batch, "--period", "2026-W10"];
        (code, var stdout, stderr) = CliRunner.Run(monitor);
        Assert.True(code == 0, stderr);
        Assert.Contains("recorded (id 1)", stdout);
        (code, stdout, stderr) = CliRunner.Run(monitor);
        Assert.True(code == 0, stderr);
        Assert.Contains("already recorded (id 1)", stdout);

        (code, _, stderr) = CliRunner.Run("monitor", "--history", history, "--current", Batch, "--period", "2026-W11");
        Assert.Equal(1, code);
        Assert.Contains("give --model DIR, or --reference FILE with --score-column COL or --onnx FILE", stderr);
    }
}
