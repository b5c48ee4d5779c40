using System.Text.Json.Nodes;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// A model trained on labels that carry no signal (the demo's training file with its labels shuffled) is said to be no
/// better than chance by train, training.json, drift --model (JSON warnings, text) and the dashboard, and no threshold
/// advice is given on it. Before, it was reported like any other model, with "lower it to 0.01" advice.
/// </summary>
public sealed class ChanceModelCliTests
{
    private static string ShuffledLabels()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "train.csv"));
        var target = Array.IndexOf(lines[0].Split(','), "returned");
        var labels = lines.Skip(1).Select(l => l.Split(',')[target]).ToArray();
        new Random(7).Shuffle(labels);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            cells[target] = labels[i - 1];
            lines[i] = string.Join(',', cells);
        }

        var path = Path.Combine(CliRunner.TempDirectory(), "noise.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Train_drift_and_report_say_so_and_give_no_threshold_advice()
    {
        var noise = ShuffledLabels();
        var model = Path.Combine(CliRunner.TempDirectory(), "model");

        var (code, stdout, stderr) = CliRunner.Run("train", "--data", noise, "--out", model);
        Assert.True(code == 0, stderr);
        Assert.Contains("Warning: The model is no better than chance: held-out ROC-AUC", stdout);
        var training = JsonNode.Parse(File.ReadAllText(Path.Combine(model, "training.json")))!;
        Assert.NotEmpty(training["warnings"]!.AsArray());

        var batch = Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv");
        (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Path.Combine(model, "profile.json"), "--current", batch, "--model", model, "--format", "json");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Contains("no better than chance", (string?)json["warnings"]![0]);
        Assert.DoesNotContain("threshold", json["recommendedActions"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(json["findings"]!.AsArray(), f => Assert.DoesNotContain("Lower it to", f!.ToJsonString(), StringComparison.Ordinal));

        (code, stdout, _) = CliRunner.Run("drift", "--reference", Path.Combine(model, "profile.json"), "--current", batch, "--model", model);
        Assert.Equal(0, code);
        Assert.Contains("Warning: The model is no better than chance", stdout);
        Assert.Contains("Threshold: no advice, the model is no use", stdout);

        var html = Path.Combine(CliRunner.TempDirectory(), "r.html");
        (code, _, stderr) = CliRunner.Run("report", "--reference", Path.Combine(model, "profile.json"), "--model", model, "--current", batch, "--out", html);
        Assert.True(code == 0, stderr);
        var page = File.ReadAllText(html);
        Assert.Contains("model-warning", page);
        Assert.Contains("No threshold advice", page);
    }
}
