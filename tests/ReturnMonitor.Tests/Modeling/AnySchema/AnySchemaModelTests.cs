using Microsoft.ML;
using Microsoft.ML.Data;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Tests.Modeling.AnySchema;

/// <summary>The model trains, scores, saves and explains itself on a table of another shape than the demo's.</summary>
public class AnySchemaModelTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<(ReturnModel Model, TrainingReport Report, OrderTable Test)> Trained =
        new(() => ModelTrainer.TrainAndEvaluate(OtherShapeTables.Create(6000, 7), importanceRepeats: 2));

    [Fact]
    public void A_model_is_trained_on_the_tables_own_features_and_learns_from_them()
    {
        var (model, report, _) = Trained.Value;

        output.WriteLine($"held-out ROC-AUC {report.Test.RocAuc:0.000} on {report.TestRows} orders; importance {string.Join(", ", report.Importance.Select(i => $"{i.Feature} {i.RocAucDrop:0.000}"))}");
        Assert.Equal(["basket_value", "tenure_days", "items", "channel", "sku"], model.Features.Select(f => f.Name));
        Assert.True(report.Test.RocAuc > 0.7, $"held-out ROC-AUC {report.Test.RocAuc}");
        Assert.Equal(OtherShapeTables.Features.Select(f => f.Name).Order(StringComparer.Ordinal), report.Importance.Select(i => i.Feature).Order(StringComparer.Ordinal));
        Assert.Contains(report.Importance.Take(2), i => i.Feature == "basket_value");
    }

    [Fact]
    public void A_gap_in_training_gets_an_indicator_so_its_meaning_is_learnt()
    {
        var (model, _, test) = Trained.Value;
        var probabilities = model.PredictProbabilities(test);
        var tenure = test.Numeric("tenure_days").ToArray();
        var guests = Enumerable.Range(0, test.Count).Where(i => double.IsNaN(tenure[i])).Select(i => probabilities[i]).Average();
        var members = Enumerable.Range(0, test.Count).Where(i => !double.IsNaN(tenure[i])).Select(i => probabilities[i]).Average();

        output.WriteLine($"mean P(returned): guests {guests:0.000}, members {members:0.000}");
        // The data were generated with guests four to seven times likelier to return; the mean would hide them.
        Assert.True(guests > members + 0.15, $"guests {guests:0.000}, members {members:0.000}");
    }

    [Fact]
    public void Thousands_of_categories_are_cut_to_the_most_frequent_plus_a_bucket()
    {
        var training = OtherShapeTables.Create(6000, 7);
        var features = ModelFeatures.Fit(training);

        // 5,000 SKUs over 6,000 orders: none reaches 10 orders, all go to (other); the four channels keep their slot.
        Assert.Equal(1, features.Vocabularies["sku"].Count);
        Assert.True(features.Vocabularies["sku"].HasOther);
        Assert.Equal(4, features.Vocabularies["channel"].Count);
        Assert.False(features.Vocabularies["channel"].HasOther);
        Assert.Equal(["tenure_days"], features.WithIndicator);

        var frequent = Enumerable.Range(0, 3000).Select(i => $"c{i % 150:D3}").ToArray(); // 150 values of 20 orders each
        var vocabulary = CategoryVocabulary.Fit(frequent);
        Assert.Equal(CategoryVocabulary.MaximumCategories + 1, vocabulary.Count);
        Assert.Equal("c000", vocabulary.Map("c000"));
        Assert.Equal("(other)", vocabulary.Map("c149"));
        Assert.Equal("(other)", vocabulary.Map("never seen"));
        Assert.Equal("", vocabulary.Map(""));
    }

    [Fact]
    public void The_fast_scorer_equals_mlnet_on_gaps_unseen_categories_and_after_loading()
    {
        var (model, _, test) = Trained.Value;
        Assert.True(model.UsesForestScorer);
        Assert.Equal(model.PredictProbabilitiesWithMlNet(test), model.PredictProbabilities(test));

        var odd = new OrderTable(
            "odd",
            OtherShapeTables.Features,
            new Dictionary<string, double[]> { ["basket_value"] = [double.NaN, 5000, 10], ["tenure_days"] = [double.NaN, double.NaN, 3], ["items"] = [1, 2, double.NaN] },
            new Dictionary<string, string[]> { ["channel"] = ["", "fax", "app"], ["sku"] = ["", "SKU0001", "new sku"] },
            null);
        Assert.Equal(model.PredictProbabilitiesWithMlNet(odd), model.PredictProbabilities(odd));

        var directory = Cli.CliRunner.TempDirectory();
        model.Save(directory);
        var loaded = ReturnModel.Load(directory);
        Assert.Equal(model.Features.Select(f => (f.Name, f.Kind)), loaded.Features.Select(f => (f.Name, f.Kind)));
        Assert.True(loaded.UsesForestScorer);
        Assert.Equal(model.PredictProbabilities(test), loaded.PredictProbabilities(test));
        Assert.Equal(loaded.PredictProbabilitiesWithMlNet(odd), loaded.PredictProbabilities(odd));
    }

    [Fact]
    public void The_trainers_are_cross_validated_on_the_tables_own_features()
    {
        var data = OtherShapeTables.Create(1500, 12);
        var options = new ModelComparisonOptions(Folds: 2, InnerFolds: 2)
        {
            Candidates = [new ReturnModelOptions(TreeAlgorithm.FastForest, Trees: 20), new ReturnModelOptions(TreeAlgorithm.LightGbm, Trees: 20)],
            Algorithms = [TreeAlgorithm.FastForest, TreeAlgorithm.LightGbm],
        };

        var comparison = ModelComparison.Run(data, options);

        Assert.Equal(2, comparison.Trainers.Count);
        Assert.All(comparison.Trainers, t => Assert.True(t.RocAuc.Mean > 0.65, $"{t.Algorithm}: ROC-AUC {t.RocAuc.Mean}"));
    }

    [Fact]
    public void A_table_without_a_feature_of_the_model_is_refused_by_name()
    {
        var (model, _, _) = Trained.Value;
        var demo = OrderGenerator.Generate(Scenario.Normal, 10, 1);

        var error = Assert.Throws<ArgumentException>(() => model.PredictProbabilities(demo));
        Assert.Contains("'basket_value'", error.Message);
    }

    [Fact]
    public void A_model_folder_written_by_the_fixed_class_before_the_schema_still_loads_and_scores()
    {
        var training = OrderGenerator.Generate(Scenario.Normal, 2000, 3);
        var context = new MLContext(42);
        var rows = training.Rows().Select(LegacyInput.From).ToArray();
        var pipeline = context.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("CategoryOneHot", "ProductCategory"), new InputOutputColumnPair("SizeOneHot", "SizeOrdered")])
            .Append(context.Transforms.Concatenate("Features", ["ProductPrice", "CustomerPurchaseHistory", "ReviewRating", "DeliveryTimeDays", "DiscountPercentage", "PreviousReturns", "DaysSincePurchase", "CategoryOneHot", "SizeOneHot"]))
            .Append(context.BinaryClassification.Trainers.FastTree(numberOfTrees: 20));
        var data = context.Data.LoadFromEnumerable(rows);
        var legacy = pipeline.Fit(data);
        var directory = Cli.CliRunner.TempDirectory();
        context.Model.Save(legacy, data.Schema, Path.Combine(directory, ReturnModel.ModelFileName));

        var loaded = ReturnModel.Load(directory);
        var batch = OrderGenerator.Generate(Scenario.FlashSale, 500, 4);
        var expected = context.Data.CreateEnumerable<LegacyOutput>(legacy.Transform(context.Data.LoadFromEnumerable(batch.Rows().Select(LegacyInput.From))), false)
            .Select(o => (double)o.Probability).ToArray();

        Assert.Equal(OrderSchema.Features.Select(f => f.Name), loaded.Features.Select(f => f.Name));
        Assert.True(loaded.UsesForestScorer);
        Assert.Equal(expected, loaded.PredictProbabilities(batch));
    }

    /// <summary>The fixed row class models were saved with before the schema (column names and types as then).</summary>
    private sealed class LegacyInput
    {
        public float ProductPrice { get; set; }

        public float CustomerPurchaseHistory { get; set; }

        public float ReviewRating { get; set; }

        public float DeliveryTimeDays { get; set; }

        public float DiscountPercentage { get; set; }

        public float PreviousReturns { get; set; }

        public float DaysSincePurchase { get; set; }

        public string ProductCategory { get; set; } = "";

        public string SizeOrdered { get; set; } = "";

        [ColumnName("Label")]
        public bool Returned { get; set; }

        public static LegacyInput From(Order o) => new()
        {
            ProductPrice = (float)o.ProductPrice,
            CustomerPurchaseHistory = (float)o.CustomerPurchaseHistory,
            ReviewRating = (float)o.ReviewRating,
            DeliveryTimeDays = (float)o.DeliveryTimeDays,
            DiscountPercentage = (float)o.DiscountPercentage,
            PreviousReturns = (float)o.PreviousReturns,
            DaysSincePurchase = (float)o.DaysSincePurchase,
            ProductCategory = o.ProductCategory,
            SizeOrdered = o.SizeOrdered,
            Returned = o.Returned ?? false,
        };
    }

    private sealed class LegacyOutput
    {
        public float Probability { get; set; }
    }
}
