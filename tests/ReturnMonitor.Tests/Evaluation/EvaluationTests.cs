using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Evaluation;

public class EvaluationTests
{
    [Theory]
    // Expected: Wilson (1927) score interval computed in Python 3.11 with z = scipy.stats.norm.ppf(0.975) (scipy 1.10.1).
    [InlineData(0, 1000, 0.0, 0.0038267584855551234)]
    [InlineData(50, 1000, 0.03813026239274882, 0.06531382024425081)]
    [InlineData(7, 20, 0.18119182410108206, 0.5671457233147638)]
    [InlineData(20, 20, 0.8388748419471806, 1.0)]
    public void Wilson_interval_matches_the_reference(long hits, long trials, double lower, double upper)
    {
        var p = new Proportion(hits, trials);
        Assert.Equal((double)hits / trials, p.Rate, 15);
        Assert.Equal(lower, p.Lower, 12);
        Assert.Equal(upper, p.Upper, 12);
    }

    [Fact]
    public void A_blend_interpolates_every_parameter_and_keeps_weights_a_distribution()
    {
        var start = ScenarioBlend.Toward(Scenario.Baseline, Scenario.FlashSale, 0);
        var end = ScenarioBlend.Toward(Scenario.Baseline, Scenario.FlashSale, 1);
        var half = ScenarioBlend.Toward(Scenario.Baseline, Scenario.FlashSale, 0.5);

        Assert.Equal(Scenario.Baseline.CategoryWeights, start.CategoryWeights);
        Assert.Equal(Scenario.FlashSale with { Name = end.Name, Description = end.Description, CategoryWeights = end.CategoryWeights }, end);
        Assert.Equal("flash_sale@50%", half.Name);
        Assert.Equal((Scenario.Baseline.DiscountProbability + Scenario.FlashSale.DiscountProbability) / 2, half.DiscountProbability, 15);
        Assert.Equal((Scenario.Baseline.ExtraDeliveryDays + Scenario.FlashSale.ExtraDeliveryDays) / 2, half.ExtraDeliveryDays, 15);
        Assert.Equal(1.0, half.CategoryWeights.Sum(), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioBlend.Toward(Scenario.Baseline, Scenario.FlashSale, 1.5));
    }

    [Fact]
    public void Precision_and_recall_count_flags_against_the_truth_and_ignore_minor_shifts()
    {
        FeatureTruth[] truth =
        [
            new("normal", "x", 0.0001, Shifted: false, Unchanged: true),
            new("sale", "x", 0.8, Shifted: true, Unchanged: false),
            new("mild", "x", 0.05, Shifted: false, Unchanged: false),
        ];
        FeatureFlagRate[] flags =
        [
            new("normal", 100, "x", new Proportion(3, 100)),   // 3 false positives
            new("sale", 100, "x", new Proportion(90, 100)),    // 90 true positives, 10 misses
            new("mild", 100, "x", new Proportion(40, 100)),    // a real but minor shift: not counted
        ];

        var score = Assert.Single(DriftEvaluation.Score(flags, truth));

        Assert.Equal(new FeatureAccuracy("x", 100, 90, 3, 10), score);
        Assert.Equal(90.0 / 93, score.Precision, 15);
        Assert.Equal(0.9, score.Recall, 15);
    }

    [Fact]
    public void Ground_truth_finds_the_features_each_scenario_moves()
    {
        var options = new EvaluationOptions(TruthSampleSize: 50_000);
        var truth = DriftEvaluation.GroundTruth(DriftEvaluation.Cases(options), options);
        bool Shifted(string scenario, string feature) => truth.Single(t => t.Scenario == scenario && t.Feature == feature).Shifted;

        Assert.All(truth.Where(t => t.Scenario == "normal"), t => Assert.True(t.Unchanged, $"{t.Feature}: PSI {t.PopulationPsi}"));
        Assert.True(Shifted("flash_sale", OrderSchema.DiscountPercentage));
        Assert.True(Shifted("flash_sale", OrderSchema.ProductCategory));
        Assert.True(Shifted("supply_crisis", OrderSchema.DeliveryTimeDays));
        Assert.False(Shifted("supply_crisis", OrderSchema.ProductCategory));
        Assert.All(truth.Where(t => t.Feature == OrderSchema.DaysSincePurchase), t => Assert.True(t.Unchanged));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void A_small_run_is_deterministic_alarms_on_drift_and_rarely_on_normal_batches()
    {
        var options = new EvaluationOptions(Trials: 40, DriftTrials: 40, Sizes: [500], Magnitudes: [0.3], TruthSampleSize: 20_000, PerformanceTrials: 0, MultivariateTrials: 0);

        var first = Evaluator.Run(options);
        var second = Evaluator.Run(options);

        Assert.Equal(first.Alarms, second.Alarms);
        Assert.Equal(first.Flags, second.Flags);
        var normal = Assert.Single(first.FalsePositiveRates);
        Assert.True(normal.Alarms.Rate <= 0.1, $"false-positive rate {normal.Alarms.Rate}");
        Assert.Equal(40, first.Alarms.Single(a => a.Scenario == "flash_sale").Alarms.Hits);
        Assert.Equal(40, first.Alarms.Single(a => a.Scenario == "supply_crisis").Alarms.Hits);
        Assert.Contains(first.Targets, t => t.Name == "falsePositiveRate");
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Evaluate_writes_json_with_named_rates_and_rejects_bad_sizes()
    {
        var (code, stdout, _) = CliRunner.Run("evaluate", "--trials", "10", "--drift-trials", "10", "--sizes", "300", "--performance-trials", "3", "--multivariate-trials", "2", "--estimate-trials", "2", "--estimate-references", "2", "--format", "json");

        Assert.True(code is 0 or 2, $"exit code {code}");
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(300, (int)json["falsePositiveRate"]![0]!["size"]!);
        Assert.NotNull(json["falsePositiveRate"]![0]!["rate"]);
        Assert.Contains(json["detectionRate"]!.AsArray(), d => (string?)d!["scenario"] == "flash_sale" && (double)d["rate"]! == 1.0);
        Assert.Equal(9, json["featureFalsePositiveRate"]!.AsArray().Count);
        Assert.Contains(json["performanceEstimation"]!.AsArray(), p => (string?)p!["scenario"] == "joint_shift" && (double)p["accuracyMae"]! < 0.1);
        Assert.Contains(json["multivariate"]!.AsArray(), m => (string?)m!["scenario"] == "joint_shift" && (int)m["trials"]! == 2);
        Assert.Contains(json["detectionRate"]!.AsArray(), d => (string?)d!["scenario"] == "joint_shift");
        // --estimate-trials batches for each of --estimate-references independently drawn references: 2 × 2 per case.
        Assert.Equal(2, (int)json["estimateTrials"]!);
        Assert.Equal(2, (int)json["estimateReferences"]!);
        Assert.Contains(json["estimateQuality"]!.AsArray(), e => (string?)e!["scenario"] == "flash_sale" && (int)e["trials"]! == 4 && (int)e["references"]! == 2 && (int)e["unreliable"]!["trials"]! == 4);
        Assert.Contains(json["costAccuracy"]!.AsArray(), c => (string?)c!["scenario"] == "normal" && (string?)c["currency"] == "EUR" && (double)c["meanRealized"]! > 0);

        var bad = CliRunner.Run("evaluate", "--sizes", "100,abc");
        Assert.Equal(1, bad.ExitCode);
        Assert.Equal("error: --sizes: 'abc' is not a batch size (a whole number of orders ≥ 1)\n", bad.Err);
    }
}
