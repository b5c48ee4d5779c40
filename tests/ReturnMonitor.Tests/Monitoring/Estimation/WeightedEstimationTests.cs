using System.Text.Json;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Monitoring.Estimation;

/// <summary>Weighted metrics, effective sample size and weighted isotonic calibration against scikit-learn/numpy (tests/reference/make_estimation_reference.py).</summary>
public class WeightedEstimationTests
{
    private static readonly Lazy<JsonElement> Reference = new(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(
        TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Monitoring", "Estimation", "Reference", "weighted_metrics.json"))).RootElement);

    public static TheoryData<string> Cases() => new(Reference.Value.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weighted_metrics_match_sklearn_with_sample_weight(string name)
    {
        var (c, labels, scores, weights) = Case(name);
        var metrics = WeightedMetrics.Compute(labels, scores, weights);
        Assert.Equal(c.GetProperty("accuracy").GetDouble(), metrics[PerformanceMetric.Accuracy], 12);
        Assert.Equal(c.GetProperty("precision").GetDouble(), metrics[PerformanceMetric.Precision], 12);
        Assert.Equal(c.GetProperty("recall").GetDouble(), metrics[PerformanceMetric.Recall], 12);
        Assert.Equal(c.GetProperty("f1").GetDouble(), metrics[PerformanceMetric.F1], 12);
        Assert.Equal(c.GetProperty("rocAuc").GetDouble(), metrics[PerformanceMetric.RocAuc], 12);
        var confusion = WeightedMetrics.Confusion(labels, scores, weights);
        var expected = c.GetProperty("confusion");
        Assert.Equal(expected.GetProperty("tn").GetDouble(), confusion.TrueNegatives, 9);
        Assert.Equal(expected.GetProperty("fp").GetDouble(), confusion.FalsePositives, 9);
        Assert.Equal(expected.GetProperty("fn").GetDouble(), confusion.FalseNegatives, 9);
        Assert.Equal(expected.GetProperty("tp").GetDouble(), confusion.TruePositives, 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Effective_sample_size_matches_numpy(string name)
    {
        var (c, _, _, weights) = Case(name);
        Assert.Equal(c.GetProperty("effectiveSampleSize").GetDouble(), ImportanceWeights.EffectiveSize(weights), 9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weighted_isotonic_calibration_matches_sklearn(string name)
    {
        var (c, labels, scores, weights) = Case(name);
        var calibrator = WeightedIsotonic.Fit(labels, scores, weights);
        var query = c.GetProperty("isotonicQuery").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var expected = c.GetProperty("isotonicPredicted").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < query.Length; i++)
        {
            Assert.Equal(expected[i], calibrator.Apply(query[i]), 12);
        }
    }

    [Fact]
    public void With_equal_weights_the_weighted_calibration_is_the_unweighted_one()
    {
        var (_, labels, scores, _) = Case("medium_heavy_weights");
        var weighted = WeightedIsotonic.Fit(labels, scores, Enumerable.Repeat(2.5, labels.Length).ToArray());
        var plain = ProbabilityCalibrator.FitIsotonic(labels, scores);
        foreach (var s in Enumerable.Range(0, 101).Select(k => k / 100.0))
        {
            Assert.Equal(plain.Apply(s), weighted.Apply(s), 12);
        }

        // …and the weighted metrics are the realized ones.
        var realized = ClassificationMetrics.Compute(labels, scores);
        var metrics = WeightedMetrics.Compute(labels, scores, Enumerable.Repeat(1.0, labels.Length).ToArray());
        Assert.Equal(realized.Accuracy, metrics[PerformanceMetric.Accuracy], 12);
        Assert.Equal(realized.RocAuc, metrics[PerformanceMetric.RocAuc], 12);
    }

    [Fact]
    public void Density_ratio_is_the_classifier_odds_times_the_class_size_ratio()
    {
        // q = 0.75 → odds 3; 1,000 reference rows vs 500 batch rows → × 2.
        Assert.Equal(6, ImportanceWeights.DensityRatio(0.75, 1000, 500), 12);
        // q = 1 is clipped to 0.999: odds 999.
        Assert.Equal(999, ImportanceWeights.DensityRatio(1, 10, 10), 9);
        var weights = ImportanceWeights.FromDomainProbabilities([0.5, 0.75, 0.5, 0.75], 4, 4);
        Assert.Equal([0.5, 1.5, 0.5, 1.5], weights.Weights);
        // (Σw)²/Σw² = 16 / 5.
        Assert.Equal(3.2, weights.EffectiveSampleSize, 12);
        Assert.Equal(1, ImportanceWeights.EffectiveSize([0, 0, 7]), 12);
    }

    [Fact]
    public void Support_check_counts_values_outside_the_reference_range_and_unseen_categories()
    {
        var reference = DatasetSummary.Of(OrderTable.FromRows("ref", [
            new Order(10, 0, 3, 2, 0, 0, 1, "Clothing", "M", true),
            new Order(100, 20, 5, 9, 60, 4, 30, "Beauty", "NA", false),
        ]));
        var batch = OrderTable.FromRows("batch", [
            new Order(50, 5, 4, 5, 30, 1, 10, "Clothing", "M", null),      // inside
            new Order(150, 5, 4, 12, 30, 1, 10, "Clothing", "M", null),    // price and delivery outside
            new Order(50, 5, 4, 5, 30, 1, 10, "Toys", "M", null),          // unseen category
            new Order(50, 5, 4, 5, 30, 1, 10, "Beauty", "NA", null),       // inside
        ]);
        var support = FeatureSupport.Check(reference, batch);
        Assert.Equal(2, support.OrdersOutside);
        Assert.Equal(0.5, support.ShareOutside);
        Assert.Equal(1, support.OutsidePerFeature[OrderSchema.ProductPrice]);
        Assert.Equal(1, support.OutsidePerFeature[OrderSchema.DeliveryTimeDays]);
        Assert.Equal(1, support.OutsidePerFeature[OrderSchema.ProductCategory]);
        Assert.Equal(0, support.OutsidePerFeature[OrderSchema.ReviewRating]);
    }

    [Theory]
    [InlineData(0.06, 0.0, false, 900, false, EstimateMethod.Cbpe, "outside the reference's range")]
    [InlineData(0.01, 0.11, true, 900, false, EstimateMethod.ImportanceWeighted, "density")]
    [InlineData(0.01, 0.0, true, 60, false, EstimateMethod.Cbpe, "only 60 of 1000 held-out orders")]
    [InlineData(0.01, 0.0, true, 599, false, EstimateMethod.Cbpe, "under 600")]
    [InlineData(0.06, 0.0, true, 40, false, EstimateMethod.Cbpe, "outside the reference's range")]
    [InlineData(0.01, 0.0, true, 700, true, EstimateMethod.ImportanceWeighted, "reweighted")]
    [InlineData(0.01, 0.0, false, 60, true, EstimateMethod.Cbpe, "no shift detected")]
    public void Reliability_rule(double outside, double thin, bool shift, double ess, bool reliable, EstimateMethod method, string reason)
    {
        var support = new SupportReport(1000, (int)(outside * 1000), outside, new Dictionary<string, int> { [OrderSchema.DeliveryTimeDays] = (int)(outside * 1000) });
        var decision = ReliabilityRule.Decide(support, thin, shift, ess, 1000);
        Assert.Equal(reliable, decision.Reliable);
        Assert.Equal(method, decision.Method);
        Assert.Contains(reason, decision.Reason);
    }

    private static (JsonElement Case, bool[] Labels, double[] Scores, double[] Weights) Case(string name)
    {
        var c = Reference.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        return (
            c,
            c.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32() == 1).ToArray(),
            c.GetProperty("scores").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            c.GetProperty("weights").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }
}
