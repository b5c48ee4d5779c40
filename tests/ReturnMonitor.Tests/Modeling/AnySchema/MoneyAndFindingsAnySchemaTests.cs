using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Modeling.AnySchema;

/// <summary>The money reads the <c>price</c> meaning (else a flat cost); the findings' domain rules read meanings.</summary>
public class MoneyAndFindingsAnySchemaTests
{
    private static readonly CostModel Costs = new("", 8, 6.5, 0.15, 1.5, 0.25);

    private static readonly BatchMonitor Monitor = new(ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 5000, seed: 1)));

    [Fact]
    public void The_cost_per_order_uses_the_price_feature_and_is_flat_without_one()
    {
        var table = OtherShapeTables.Create(1000, 5);
        var returned = Enumerable.Range(0, table.Count).Where(i => table.Returned[i]).ToArray();
        var value = table.Numeric("basket_value").ToArray();

        // Independent sums: Σ over returned orders of (8 + 6.5 + 0.15 · price), and of the flat 14.5.
        var priced = returned.Sum(i => 14.5 + (0.15 * value[i])) / table.Count;
        var flat = returned.Length * 14.5 / table.Count;

        Assert.Equal(priced, MoneyEstimator.RealizedCostPerOrder(Costs, table, "basket_value"), 9);
        Assert.Equal(flat, MoneyEstimator.RealizedCostPerOrder(Costs, table, null), 9);
        Assert.Equal(flat, ReferenceReturns.Of(table, null).CostPerOrder(Costs), 9);
        Assert.Equal(priced, ReferenceReturns.Of(table, "basket_value").CostPerOrder(Costs), 9);
        Assert.Contains("'product_price'", Assert.Throws<ArgumentException>(() => MoneyEstimator.RealizedCostPerOrder(Costs, table)).Message);
    }

    [Fact]
    public void Without_the_meanings_no_flash_sale_is_claimed_and_the_most_drifting_features_are_named_by_PSI()
    {
        var check = Monitor.Check(OrderGenerator.Generate(Scenario.FlashSale, 1000, 7));
        var plain = new DatasetSchema(DemoSchema.Schema.Columns.Select(c => c with { Meaning = null }));

        var recommendation = Recommendations.For(check.Drift, schema: plain);

        Assert.DoesNotContain(recommendation.Findings, f => f.Title.StartsWith("Flash-sale", StringComparison.Ordinal));
        var finding = Assert.Single(recommendation.Findings, f => f.Title == "Drifting features");
        var strongest = check.Drift.Features.Where(f => f.Severity != DriftSeverity.None).OrderByDescending(f => f.Psi).First();
        Assert.StartsWith(strongest.Name, finding.Evidence);
        Assert.Contains("PSI", finding.Evidence);
        Assert.Contains(check.Recommendation.Findings, f => f.Title.StartsWith("Flash-sale", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_follow_the_meaning_not_the_column_name()
    {
        var check = Monitor.Check(OrderGenerator.Generate(Scenario.SupplyCrisis, 1000, 8));
        // The delivery meaning moved to a feature that does not drift: the logistics rule must not fire on the name.
        var moved = new DatasetSchema(DemoSchema.Schema.Columns.Select(c =>
            c.Name == OrderSchema.DeliveryTimeDays ? c with { Meaning = null }
            : c.Name == OrderSchema.DaysSincePurchase ? c with { Meaning = ColumnMeaning.DeliveryDays }
            : c));

        Assert.Contains(check.Recommendation.Findings, f => f.Title.StartsWith("Logistics pattern", StringComparison.Ordinal));
        Assert.DoesNotContain(Recommendations.For(check.Drift, schema: moved).Findings, f => f.Title.StartsWith("Logistics pattern", StringComparison.Ordinal));
    }
}
