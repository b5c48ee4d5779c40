using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Tests.Modeling;

/// <summary>The nested cross-validation behind <c>returnmonitor models</c>: its folds, the folds the scikit-learn script read, and what tuning may see.</summary>
public class ModelComparisonTests
{
    private static string Reference => Path.Combine(TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Modeling", "Reference");

    public static TheoryData<string, string> DataSets => new()
    {
        { "demo", Path.Combine(TestPaths.Data, "train.csv") },
        { "original", Path.Combine(TestPaths.OriginalData, "train.csv") },
    };

    [Fact]
    public void Outer_folds_are_stratified_deterministic_and_depend_on_the_seed()
    {
        var data = OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"));
        var fold = CrossValidationFolds.Assign(data, 5, 42);

        Assert.Equal(fold, CrossValidationFolds.Assign(data, 5, 42));
        Assert.NotEqual(fold, CrossValidationFolds.Assign(data, 5, 43));
        foreach (var cls in new[] { false, true })
        {
            var perFold = Enumerable.Range(0, 5).Select(k => Enumerable.Range(0, data.Count).Count(i => fold[i] == k && data.Returned[i] == cls)).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {cls}: fold sizes {string.Join(", ", perFold)}");
        }

        // Not just the file order dealt out: the first rows are spread over the folds unevenly.
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => i % 5), fold.Take(50));
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void The_fold_file_the_sklearn_script_read_is_this_assignment(string name, string dataPath)
    {
        var fold = CrossValidationFolds.Assign(OrderCsv.Read(dataPath), 5, 42);
        var foldsPath = Path.Combine(Reference, $"folds_{name}.csv");
        var sklearn = JsonNode.Parse(File.ReadAllText(Path.Combine(Reference, $"model_comparison_{name}.json")))!;

        Assert.Equal(CrossValidationFolds.ToCsv(fold), File.ReadAllText(foldsPath));
        Assert.Equal(CrossValidationFolds.Fingerprint(fold), sklearn["foldsSha256"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dataPath))), sklearn["dataSha256"]!.GetValue<string>());
        Assert.Equal(5, sklearn["foldCount"]!.GetValue<int>());
    }

    [Fact]
    public void Tuning_never_sees_the_outer_test_fold()
    {
        // Order i carries its index in days_since_purchase, so every fit and every scoring call can be traced to rows.
        var source = OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"));
        var data = source.Select([.. Enumerable.Range(0, 600)]);
        data = data.WithNumeric(OrderSchema.DaysSincePurchase, [.. Enumerable.Range(0, data.Count).Select(i => (double)i)]);
        var fits = new ConcurrentBag<(HashSet<int> Train, ReturnModelOptions Candidate)>();
        var scorings = new ConcurrentBag<(HashSet<int> Train, HashSet<int> Scored)>();
        var options = new ModelComparisonOptions(Folds: 4, InnerFolds: 3, SmallGrid: true) { Algorithms = [TreeAlgorithm.FastTree, TreeAlgorithm.LightGbm] };

        var result = ModelComparison.Run(data, options, (training, candidate) =>
        {
            var train = Ids(training);
            fits.Add((train, candidate));
            return scored =>
            {
                scorings.Add((train, Ids(scored)));
                // Any probabilities in [0, 1] do; these depend on the row so AUCs vary.
                return [.. scored.Numeric(OrderSchema.ReviewRating).ToArray().Select(r => (5 - r) / 4)];
            };
        });

        var fold = result.Fold;
        var outerTest = Enumerable.Range(0, 4).Select(k => Enumerable.Range(0, data.Count).Where(i => fold[i] == k).ToHashSet()).ToArray();
        foreach (var (train, candidate) in fits)
        {
            // Every fit trains inside the training part of one outer fold.
            Assert.Single(outerTest, test => !test.Overlaps(train));
            Assert.Contains(candidate, options.Grid(candidate.Algorithm));
        }

        var outerScorings = 0;
        foreach (var (train, scored) in scorings)
        {
            var k = Array.FindIndex(outerTest, test => scored.SetEquals(test));
            if (k >= 0)
            {
                // The one use of an outer test fold: scoring the winner refitted on exactly the other folds.
                outerScorings++;
                Assert.True(train.SetEquals(Enumerable.Range(0, data.Count).Where(i => fold[i] != k)));
            }
            else
            {
                // Inner validation: scored orders are outer-training orders of the same outer fold, never the fit's own.
                var outer = Array.FindIndex(outerTest, test => !test.Overlaps(train));
                Assert.False(outerTest[outer].Overlaps(scored));
                Assert.False(train.Overlaps(scored));
            }
        }

        // 2 trainers × 4 outer folds, each: 2 candidates × 3 inner folds + 1 refit.
        Assert.Equal(2 * 4, outerScorings);
        Assert.Equal(2 * 4 * (2 * 3 + 1), fits.Count);
        Assert.All(result.Trainers, t => Assert.Equal(4, t.RocAuc.PerFold.Count));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void A_small_real_run_scores_every_trainer_on_every_fold()
    {
        var data = OrderCsv.Read(Path.Combine(TestPaths.OriginalData, "train.csv"));
        data = data.Select([.. Enumerable.Range(0, 1500)]);
        var options = new ModelComparisonOptions(Folds: 3, InnerFolds: 2, SmallGrid: true);

        var result = ModelComparison.Run(data, options);

        Assert.Equal([TreeAlgorithm.FastForest, TreeAlgorithm.FastTree, TreeAlgorithm.LightGbm], result.Trainers.Select(t => t.Algorithm));
        foreach (var trainer in result.Trainers)
        {
            Assert.All(trainer.RocAuc.PerFold, auc => Assert.InRange(auc, 0.7, 1));
            Assert.All(trainer.Brier.PerFold, brier => Assert.InRange(brier, 0, data.ReturnRate * (1 - data.ReturnRate)));
            Assert.All(trainer.Chosen, chosen => Assert.Contains(chosen, HyperParameterGrid.Small(trainer.Algorithm)));
        }
    }

    [Fact]
    public void Standard_error_is_the_sample_sd_over_root_k()
    {
        var metric = new CrossValidatedMetric([0.8, 0.9, 1.0]);

        Assert.Equal(0.9, metric.Mean, 12);
        Assert.Equal(0.1 / Math.Sqrt(3), metric.StandardError, 12);
        Assert.True(double.IsNaN(new CrossValidatedMetric([0.8]).StandardError));
    }

    [Fact]
    public void Unlabelled_data_or_too_few_orders_per_class_is_a_clear_error()
    {
        var data = OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"));
        var tiny = data.Select([.. Enumerable.Range(0, data.Count).Where(i => data.Returned[i]).Take(3), .. Enumerable.Range(0, data.Count).Where(i => !data.Returned[i]).Take(10)]);

        var error = Assert.Throws<ArgumentException>(() => CrossValidationFolds.Assign(tiny, 5, 42));
        Assert.Contains("at least 5 returned and 5 kept orders", error.Message);
    }

    private static HashSet<int> Ids(OrderTable table) => [.. table.Numeric(OrderSchema.DaysSincePurchase).ToArray().Select(v => (int)v)];
}
