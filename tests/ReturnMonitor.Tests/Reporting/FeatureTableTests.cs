using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Formatting;

public class FeatureTableTests
{
    [Fact]
    public void Rows_show_the_reports_values_rounded_and_unseen_categories()
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 2000, seed: 1);
        var batch = OrderGenerator.Generate(Scenario.FlashSale, 500, seed: 2);
        batch = batch.WithCategorical(OrderSchema.ProductCategory, batch.Categorical(OrderSchema.ProductCategory).Select((c, i) => i < 50 ? "Garden_Tools" : c).ToArray());
        var report = ReferenceProfile.Fit(reference).Compare(batch);

        var rows = FeatureTable.Of(report);

        Assert.Equal(OrderSchema.Features.Select(f => f.Name), rows.Select(r => r.Feature));
        var discount = rows.Single(r => r.Feature == OrderSchema.DiscountPercentage);
        var drift = report.Feature(OrderSchema.DiscountPercentage);
        Assert.Equal("severe", discount.Severity);
        Assert.Equal(Math.Round(drift.Psi, 3), discount.Psi);
        Assert.StartsWith($"{drift.ReferenceMean:F2} → {drift.CurrentMean:F2} (+", discount.Change);
        Assert.Equal("unseen in training: Garden_Tools", rows.Single(r => r.Feature == OrderSchema.ProductCategory).Change);
    }

    [Theory]
    [InlineData(0.41234, "0.412")]
    [InlineData(3.2123e-5, "3.21e-05")]
    [InlineData(1.0, "1.000")]
    [InlineData(0.0, "< 1e-307")]
    public void P_values_keep_three_significant_digits(double p, string expected) => Assert.Equal(expected, FeatureTable.PValue(p));
}
