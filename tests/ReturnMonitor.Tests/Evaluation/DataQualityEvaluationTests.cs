using System.Text.Json.Nodes;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Evaluation;

/// <summary>The evaluation's missing-values case: deterministic, meets its targets with small trials, rendered in JSON and text.</summary>
public class DataQualityEvaluationTests
{
    private static readonly EvaluationOptions Small = new(Trials: 60, DriftTrials: 40, Sizes: [100, 500], Magnitudes: [], TruthSampleSize: 5_000, PerformanceTrials: 0, MultivariateTrials: 0);

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void The_missing_values_case_is_deterministic_and_meets_its_targets()
    {
        var first = Evaluator.Run(Small);
        var second = Evaluator.Run(Small);

        Assert.Equal(first.DataQuality, second.DataQuality);
        Assert.Equal(["normal", "missing_values", "missing_values@0.5%"], first.DataQuality.Select(q => q.Case).Distinct());
        var detected = first.DataQuality.Single(q => q.Case == "missing_values" && q.Size == 500);
        Assert.Equal(40, detected.Alarms.Trials);
        Assert.Equal(40, detected.BlankedFeatureAlarms.Hits);
        Assert.All(first.DataQuality.Where(q => q.IsNull), q => Assert.Equal((0L, 60L), (q.Alarms.Hits, q.Alarms.Trials)));
        // Half a point of gaps is below the one-point floor: it must not alarm in a batch of 500.
        Assert.Equal(0, first.DataQuality.Single(q => q.Case == "missing_values@0.5%" && q.Size == 500).Alarms.Hits);
        var detection = Assert.Single(first.Targets, t => t.Name == "dataQualityDetection");
        var falseAlarms = Assert.Single(first.Targets, t => t.Name == "dataQualityFalseAlarms");
        Assert.True(detection.Met, detection.Measured);
        Assert.Equal("lowest 100.0% (40/40) at 500 orders", detection.Measured);
        Assert.True(falseAlarms.Met, falseAlarms.Measured);
    }

    [Fact]
    public void Targets_are_missed_when_detection_is_low_or_false_alarms_high()
    {
        DataQualityRate[] rates =
        [
            new("normal", true, 0, 500, new Proportion(6, 100), new Proportion(0, 100)),
            new("missing_values", false, 0.1, 100, new Proportion(10, 100), new Proportion(10, 100)), // below 500: not judged
            new("missing_values", false, 0.1, 500, new Proportion(94, 100), new Proportion(94, 100)),
        ];

        var targets = DataQualityEvaluation.Targets(rates);

        Assert.Equal(["dataQualityDetection", "dataQualityFalseAlarms"], targets.Select(t => t.Name));
        Assert.All(targets, t => Assert.False(t.Met));
        Assert.Equal("lowest 94.0% (94/100) at 500 orders", targets[0].Measured);
        Assert.Equal("highest 6.0% (6/100) at 500 orders", targets[1].Measured);
        Assert.Empty(DataQualityEvaluation.Targets([]));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Evaluate_renders_the_data_quality_rates_in_json_and_text()
    {
        string[] args = ["evaluate", "--trials", "20", "--drift-trials", "20", "--sizes", "500", "--performance-trials", "0", "--multivariate-trials", "0"];

        var (code, stdout, stderr) = CliRunner.Run([.. args, "--format", "json"]);
        var text = CliRunner.Run(args);

        Assert.True(code is 0 or 2, stderr);
        var json = JsonNode.Parse(stdout)!;
        var missing = json["dataQuality"]!.AsArray().Single(q => (string?)q!["case"] == "missing_values")!;
        Assert.Equal(1.0, (double)missing["rate"]!);
        Assert.Equal(20, (int)missing["trials"]!);
        Assert.Equal(0.1, (double)missing["missingShare"]!);
        Assert.Equal("delivery_time_days", (string?)missing["blankedFeature"]);
        Assert.Equal(1.0, (double)missing["blankedFeatureAlarm"]!["rate"]!);
        var normal = json["dataQuality"]!.AsArray().Single(q => (bool)q!["isNull"]!)!;
        Assert.Equal(0.0, (double)normal["rate"]!);
        Assert.Contains(json["targets"]!.AsArray(), t => (string?)t!["name"] == "dataQualityDetection" && (bool)t["met"]!);
        Assert.Contains(json["targets"]!.AsArray(), t => (string?)t!["name"] == "dataQualityFalseAlarms" && (bool)t["met"]!);
        Assert.Contains("missing_values (10.0% blanked)", text.Out);
        Assert.Contains("normal (false alarms)", text.Out);
        Assert.Contains("met: missing_values (10% of delivery_time_days blanked) detected by the data-quality alarm on that feature in ≥ 95% of batches of ≥ 500 orders — lowest 100.0% (20/20) at 500 orders", text.Out.Replace("\n", "", StringComparison.Ordinal)); // the console wraps long lines
    }
}
