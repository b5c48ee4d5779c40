using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring;

public class RecommendationsTests
{
    private static readonly BatchMonitor Monitor = new(ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 5000, seed: 1)));

    private static BatchCheck Check(Scenario scenario, int seed = 7) => Monitor.Check(OrderGenerator.Generate(scenario, 1000, (ulong)seed));

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void A_normal_batch_only_gets_maintain(int seed)
    {
        var recommendation = Check(Scenario.Normal, seed).Recommendation;

        Assert.Equal(Urgency.Maintain, recommendation.Urgency);
        Assert.Equal(["No drift"], recommendation.Findings.Select(f => f.Title));
        Assert.Equal(Recommendations.StandardActions[Urgency.Maintain], recommendation.Actions);
    }

    [Fact]
    public void Flash_sale_pattern_fires_and_cites_the_numbers()
    {
        var check = Check(Scenario.FlashSale);
        var recommendation = check.Recommendation;

        var finding = Assert.Single(recommendation.Findings, f => f.Title.StartsWith("Flash-sale pattern", StringComparison.Ordinal));
        var discount = check.Drift.Feature(OrderSchema.DiscountPercentage);
        Assert.Contains($"average discount {discount.ReferenceMean:F0}% → {discount.CurrentMean:F0}%", finding.Evidence);
        Assert.Contains("clothing 22% → 6", finding.Evidence);
        Assert.Contains("purchase history", finding.Evidence);
        Assert.Equal(Urgency.Urgent, recommendation.Urgency);
        Assert.DoesNotContain(recommendation.Findings, f => f.Title.StartsWith("Values never seen", StringComparison.Ordinal));
    }

    [Fact]
    public void Logistics_pattern_fires_on_the_supply_crisis_but_not_the_flash_sale_pattern()
    {
        var recommendation = Check(Scenario.SupplyCrisis).Recommendation;

        var finding = Assert.Single(recommendation.Findings, f => f.Title.StartsWith("Logistics pattern", StringComparison.Ordinal));
        Assert.Matches(@"^delivery time 2\.\d → 7\.\d days, review rating 3\.\d\d → 3\.\d\d stars$", finding.Evidence);
        Assert.DoesNotContain(recommendation.Findings, f => f.Title.StartsWith("Flash-sale", StringComparison.Ordinal));
        Assert.Contains(recommendation.Findings, f => f.Title == "Return rate up" && f.Urgency == Urgency.Urgent);
    }

    [Fact]
    public void Unseen_categories_are_named_with_their_share()
    {
        var batch = OrderGenerator.Generate(Scenario.Normal, 1000, seed: 3);
        var categories = batch.Categorical(OrderSchema.ProductCategory).Select((c, i) => i % 4 == 0 ? "Garden_Tools" : c).ToArray();
        var recommendation = Monitor.Check(batch.WithCategorical(OrderSchema.ProductCategory, categories)).Recommendation;

        var finding = Assert.Single(recommendation.Findings, f => f.Title == "Values never seen in training: product_category");
        Assert.Equal("'Garden_Tools' (25% of orders)", finding.Evidence);
        Assert.Equal(Urgency.Urgent, recommendation.Urgency);
    }

    [Fact]
    public void Model_degradation_fires_only_when_realized_auc_drops_by_at_least_five_points()
    {
        var check = SmallModel.Monitor.Check(SmallModel.Normal);
        var model = check.Model!;

        var degraded = Recommendations.For(check.Drift, model with { Reference = Metrics(0.948, 0.91), Realized = Metrics(0.803, 0.70) });
        var fine = Recommendations.For(check.Drift, model with { Reference = Metrics(0.948, 0.91), Realized = Metrics(0.93, 0.90) });
        var unlabelled = Recommendations.For(check.Drift, model with { Reference = Metrics(0.948, 0.91), Realized = null });

        var finding = Assert.Single(degraded.Findings, f => f.Title == "Model performance down");
        Assert.Equal("ROC-AUC 0.948 → 0.803, accuracy 91% → 70%", finding.Evidence);
        Assert.Equal(Urgency.Urgent, degraded.Urgency);
        Assert.DoesNotContain(fine.Findings, f => f.Title == "Model performance down");
        Assert.DoesNotContain(unlabelled.Findings, f => f.Title == "Model performance down");
    }

    [Fact]
    public void The_check_carries_the_findings_of_its_own_sections()
    {
        var check = SmallModel.Monitor.Check(SmallModel.FlashSale);
        var again = Recommendations.For(check.Drift, check.Model, check.Money, check.Quality);

        Assert.Equal(again.Urgency, check.Recommendation.Urgency);
        Assert.Equal(again.Findings.Select(f => (f.Title, f.Evidence)), check.Recommendation.Findings.Select(f => (f.Title, f.Evidence)));
        Assert.Equal(again.Actions, check.Recommendation.Actions);
    }

    [Fact]
    public void Findings_are_ordered_most_urgent_first()
    {
        var findings = Check(Scenario.FlashSale).Recommendation.Findings;
        Assert.Equal(findings.OrderByDescending(f => f.Urgency).Select(f => f.Title), findings.Select(f => f.Title));
    }

    private static ClassificationMetrics Metrics(double auc, double accuracy) =>
        new(1000, accuracy, auc, 0.8, 0.5, 0.6, new ConfusionMatrix(800, 20, 80, 100));
}

public class OverviewDeltaTests
{
    [Fact]
    public void Verdicts_follow_the_shops_point_of_view()
    {
        var reference = new BatchOverview(5000, 0.175, 15.0, 2.7, 3.94);
        var flash = new BatchOverview(1000, 0.351, 60.3, 6.3, 4.10);

        var rows = OverviewDelta.Compare(reference, flash);

        Assert.Equal(["return rate, %", "average discount, %", "average delivery time, days", "average rating, stars"], rows.Select(r => r.Metric));
        Assert.Equal(["worse", "worse", "worse", "better"], rows.Select(r => r.Verdict));
        Assert.Equal(17.6, rows[0].Change, 9);
        Assert.Equal("same", OverviewDelta.Compare(reference, reference with { AverageRating = 3.95 })[3].Verdict);
    }

    [Fact]
    public void Unlabelled_batches_have_no_return_rate_row()
    {
        var rows = OverviewDelta.Compare(new BatchOverview(10, 0.2, 10, 3, 4), new BatchOverview(10, null, 10, 3, 4));
        Assert.DoesNotContain(rows, r => r.Metric.StartsWith("return rate", StringComparison.Ordinal));
    }
}
