using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring.Money;

public class CostModelTests
{
    private const string Valid = """
        { "currency": "EUR", "returnHandling": 8, "returnShipping": 6.5, "priceLostShare": 0.15, "interventionCost": 1.5, "interventionPreventedShare": 0.25 }
        """;

    [Fact]
    public void The_documented_example_file_loads_with_the_stated_defaults()
    {
        var costs = CostModel.Load(Path.Combine(TestPaths.Repository, "docs", "costs.example.json"));
        Assert.Equal(CostModel.Default, costs);
    }

    [Fact]
    public void Without_a_file_the_defaults_apply_and_with_one_it_is_read_and_validated()
    {
        Assert.Same(CostModel.Default, CostModel.LoadOrDefault(null));
        var path = Path.Combine(Path.GetTempPath(), $"costs-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, Valid.Replace("\"EUR\"", "\"USD\"", StringComparison.Ordinal));
            Assert.Equal("USD", CostModel.LoadOrDefault(path).Currency);
            File.WriteAllText(path, Valid.Replace("8,", "-8,", StringComparison.Ordinal));
            var error = Assert.Throws<DataFormatException>(() => CostModel.LoadOrDefault(path));
            Assert.Contains("returnHandling", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_cost_model_round_trips_through_its_json()
    {
        var costs = new CostModel("USD", 3.25, 0, 0.4, 0.75, 1);
        Assert.Equal(costs, CostModel.Parse(costs.ToJson()));
    }

    [Fact]
    public void Return_cost_is_handling_plus_shipping_plus_the_lost_share_of_the_price()
    {
        var costs = CostModel.Parse(Valid);
        // 8 + 6.5 + 0.15 · 120 = 32.5
        Assert.Equal(32.5, costs.ReturnCost(120), 12);
        // p · e · c − I = 0.4 · 0.25 · 32.5 − 1.5 = 1.75
        Assert.Equal(1.75, costs.InterventionValue(0.4, 32.5), 12);
    }

    [Theory]
    [InlineData("\"returnShipping\": 6.5, ", "", "returnShipping", "missing")]
    [InlineData("\"returnHandling\": 8", "\"returnHandling\": -1", "returnHandling", "negative")]
    [InlineData("\"priceLostShare\": 0.15", "\"priceLostShare\": 15", "priceLostShare", "[0, 1]")]
    [InlineData("\"interventionCost\": 1.5", "\"interventionCost\": \"cheap\"", "interventionCost", "not a number")]
    [InlineData("\"interventionCost\": 1.5", "\"interventionCost\": null", "interventionCost", "missing")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"\"", "currency", "empty or not text")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": 978", "currency", "empty or not text")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"EUR\", \"returnCost\": 3", "returnCost", "unknown field")]
    public void A_bad_field_is_one_error_naming_the_file_and_the_field(string find, string replace, string field, string problem)
    {
        var json = Valid.Replace(find, replace);
        Assert.NotEqual(Valid, json);
        var error = Assert.Throws<DataFormatException>(() => CostModel.Parse(json, "costs.json"));
        Assert.Equal("costs.json", error.File);
        Assert.Equal(field, error.Column);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith($"costs.json: column '{field}': ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Malformed_json_and_a_missing_file_are_data_format_errors()
    {
        var malformed = Assert.Throws<DataFormatException>(() => CostModel.Parse("{ \"currency\": ", "costs.json"));
        Assert.Contains("not valid JSON", malformed.Message);
        Assert.Throws<DataFormatException>(() => CostModel.Parse("[1, 2]", "costs.json"));
        var missing = Assert.Throws<DataFormatException>(() => CostModel.Load(Path.Combine(Path.GetTempPath(), "no-such-costs-file.json")));
        Assert.Contains("not found", missing.Message);
    }
}
