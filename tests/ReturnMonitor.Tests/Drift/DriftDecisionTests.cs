using ReturnMonitor.Data;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Tests.Drift;

public class DriftDecisionTests
{
    private static readonly ReferenceProfile Reference = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 5000, seed: 1));

    [Trait(Traits.Category, Traits.Slow)]
    [Theory]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Clean_batches_rarely_alarm(int batchSize)
    {
        // 200 independent batches from the training distribution (seeds 1000..1199): the batch is not healthy in at most 5%.
        const int trials = 200;
        var alarms = Enumerable.Range(1000, trials)
            .Count(seed => Reference.Compare(OrderGenerator.Generate(Scenario.Normal, batchSize, (ulong)seed)).Status != DriftStatus.Healthy);

        Assert.True(alarms <= trials * 0.05, $"{alarms} of {trials} clean batches of {batchSize} alarmed");
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Theory]
    [InlineData("flash_sale")]
    [InlineData("supply_crisis")]
    public void Crisis_batches_of_500_always_alarm_critical(string scenario)
    {
        var statuses = Enumerable.Range(2000, 50)
            .Select(seed => Reference.Compare(OrderGenerator.Generate(Scenario.Named(scenario), 500, (ulong)seed)).Status);

        Assert.All(statuses, s => Assert.Equal(DriftStatus.Critical, s));
    }

    [Fact]
    public void Score_grows_with_drift_without_saturating()
    {
        Assert.Equal(0, DriftAnalysis.Score(0));
        Assert.Equal(50, DriftAnalysis.Score(1), 12);
        Assert.True(DriftAnalysis.Score(5) < DriftAnalysis.Score(10));
        Assert.True(DriftAnalysis.Score(1000) < 100);

        var flash = Reference.Compare(OrderGenerator.Generate(Scenario.FlashSale, 1000, 3));
        var crisis = Reference.Compare(OrderGenerator.Generate(Scenario.SupplyCrisis, 1000, 3));
        Assert.NotEqual(flash.Score, crisis.Score, 1);
        Assert.InRange(flash.Score, 20, 99.9);
        Assert.InRange(crisis.Score, 20, 99.9);
    }

    [Theory]
    [InlineData(0.05, 0.3, DriftSeverity.None)] // small shift, even if significant
    [InlineData(0.12, 1e-6, DriftSeverity.Moderate)]
    [InlineData(0.25, 1e-6, DriftSeverity.Severe)]
    [InlineData(0.9, 0.2, DriftSeverity.None)] // large PSI on a tiny batch that the test cannot confirm
    public void Severity_needs_both_significance_and_size(double psi, double adjustedP, DriftSeverity expected)
    {
        Assert.Equal(expected, DriftAnalysis.Classify(psi, adjustedP, DriftOptions.Default));
    }

    [Fact]
    public void Huge_batches_do_not_alarm_on_a_trivial_shift()
    {
        // 200,000 orders whose discount is shifted by half a percentage point on a sixth of orders: KS is highly
        // significant, but the PSI stays far below 0.1, so the batch is healthy.
        var batch = OrderGenerator.Generate(Scenario.Normal, 200_000, seed: 77);
        var discount = batch.Numeric(OrderSchema.DiscountPercentage).ToArray();
        for (var i = 0; i < discount.Length; i += 6)
        {
            discount[i] = Math.Min(100, discount[i] + 0.5);
        }

        var report = Reference.Compare(batch.WithNumeric(OrderSchema.DiscountPercentage, discount));

        Assert.True(report.Feature(OrderSchema.DiscountPercentage).KsPValue < 0.05);
        Assert.Equal(DriftSeverity.None, report.Feature(OrderSchema.DiscountPercentage).Severity);
        Assert.Equal(DriftStatus.Healthy, report.Status);
    }

    [Fact]
    public void Reordering_rows_changes_nothing()
    {
        var batch = OrderGenerator.Generate(Scenario.SupplyCrisis, 800, seed: 5);
        var reversed = batch.Select(Enumerable.Range(0, batch.Count).Reverse().ToArray());

        Assert.Equal(
            Reporting.DriftJson.Serialize(Reference.Compare(batch)),
            Reporting.DriftJson.Serialize(Reference.Compare(reversed)));
    }
}
