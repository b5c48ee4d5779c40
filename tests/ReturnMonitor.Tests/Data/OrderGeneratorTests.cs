using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Data;

public class OrderGeneratorTests
{
    // Calibration targets: the original system's published table (return rate, average discount, average delivery days).
    [Theory]
    [InlineData("baseline", 0.167, 15, 2.7)]
    [InlineData("normal", 0.167, 15, 2.7)]
    [InlineData("flash_sale", 0.354, 61, 6.2)]
    [InlineData("supply_crisis", 0.454, 26, 7.3)]
    public void Scenarios_reproduce_the_published_rates_and_means(string scenario, double returnRate, double discount, double delivery)
    {
        var table = OrderGenerator.Generate(Scenario.Named(scenario), 20000, seed: 11);

        Assert.InRange(table.ReturnRate, returnRate - 0.03, returnRate + 0.03);
        Assert.InRange(Mean(table, OrderSchema.DiscountPercentage), discount - 1.5, discount + 1.5);
        Assert.InRange(Mean(table, OrderSchema.DeliveryTimeDays), delivery - 0.2, delivery + 0.2);
    }

    [Fact]
    public void Flash_sale_is_mostly_clothing_bought_by_customers_with_little_history()
    {
        var baseline = OrderGenerator.Generate(Scenario.Baseline, 10000, seed: 5);
        var flash = OrderGenerator.Generate(Scenario.FlashSale, 10000, seed: 5);

        Assert.InRange(Share(flash, OrderSchema.ProductCategory, "Clothing"), 0.58, 0.64);
        Assert.InRange(Share(baseline, OrderSchema.ProductCategory, "Clothing"), 0.20, 0.24);
        Assert.True(Mean(flash, OrderSchema.CustomerPurchaseHistory) < 0.6 * Mean(baseline, OrderSchema.CustomerPurchaseHistory));
        Assert.True(Mean(flash, OrderSchema.ReviewRating) < Mean(baseline, OrderSchema.ReviewRating) - 0.1);
    }

    [Fact]
    public void Values_respect_the_schema()
    {
        var table = OrderGenerator.Generate(Scenario.SupplyCrisis, 5000, seed: 2);
        foreach (var feature in OrderSchema.NumericFeatures)
        {
            foreach (var value in table.Numeric(feature.Name))
            {
                Assert.Null(feature.Validate(value));
            }
        }

        Assert.All(table.Categorical(OrderSchema.ProductCategory), c => Assert.Contains(c, OrderSchema.Categories));
        Assert.All(table.Categorical(OrderSchema.SizeOrdered), s => Assert.Contains(s, OrderSchema.Sizes));
        Assert.All(table.Numeric(OrderSchema.ReviewRating).ToArray(), r => Assert.Equal(r, Math.Round(r, 1)));
        var history = table.Numeric(OrderSchema.CustomerPurchaseHistory);
        var previous = table.Numeric(OrderSchema.PreviousReturns);
        for (var i = 0; i < table.Count; i++)
        {
            Assert.True(previous[i] <= history[i], "a customer cannot have returned more orders than they placed");
        }
    }

    [Fact]
    public void Same_seed_same_bytes_other_seed_other_data()
    {
        string Csv(ulong seed)
        {
            var writer = new StringWriter();
            OrderCsv.Write(OrderGenerator.Generate(Scenario.FlashSale, 500, seed), writer);
            return writer.ToString();
        }

        Assert.Equal(Csv(1), Csv(1));
        Assert.NotEqual(Csv(1), Csv(2));
    }

    [Fact]
    public void Normal_batch_is_drawn_from_the_training_distribution_but_is_a_different_sample()
    {
        Assert.Equal(Scenario.Baseline with { Name = "normal", Description = Scenario.Normal.Description }, Scenario.Normal);
        var a = OrderGenerator.Generate(Scenario.Baseline, 100, seed: 9);
        var b = OrderGenerator.Generate(Scenario.Normal, 100, seed: 9);
        Assert.NotEqual(a.Rows(), b.Rows());
    }

    [Fact]
    public void The_committed_demo_data_is_exactly_what_the_generator_writes()
    {
        // data/ is produced by `returnmonitor demo` (default seed); any change to the generator must regenerate it.
        foreach (var (scenario, file, count) in new[]
                 {
                     (Scenario.Baseline, "train.csv", 5000), (Scenario.Normal, "batch_1_normal.csv", 1000),
                     (Scenario.FlashSale, "batch_2_flash_sale.csv", 1000), (Scenario.SupplyCrisis, "batch_3_supply_crisis.csv", 1000),
                 })
        {
            var writer = new StringWriter();
            OrderCsv.Write(OrderGenerator.Generate(scenario, count), writer);
            Assert.True(writer.ToString() == File.ReadAllText(Path.Combine(TestPaths.Data, file)), $"data/{file} is stale: run the demo to regenerate it");
        }
    }

    [Fact]
    public void Unknown_scenario_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Scenario.Named("black_friday"));
        Assert.StartsWith("unknown scenario 'black_friday'; known: baseline, normal, flash_sale, supply_crisis", error.Message);
    }

    private static double Mean(OrderTable table, string feature) => table.Numeric(feature).ToArray().Average();

    private static double Share(OrderTable table, string feature, string category) =>
        table.Categorical(feature).Count(c => c == category) / (double)table.Count;
}
