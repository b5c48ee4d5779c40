using System.Text.Json.Nodes;
using ReturnMonitor.Cli;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Text;

namespace ReturnMonitor.Tests.Monitoring.Money;

/// <summary>
/// A cost file may leave the currency out (prices in the shop's own unit): every amount is then printed without a code
/// and no "EUR" is invented; with a currency every amount carries it. One formatter, <see cref="NumberText.Money"/>.
/// </summary>
public sealed class MoneyWithoutCurrencyTests
{
    private const string NoCurrency = """{ "returnHandling": 8, "returnShipping": 6.5, "priceLostShare": 0.15, "interventionCost": 1.5, "interventionPreventedShare": 0.25 }""";

    [Fact]
    public void The_money_formatter_with_and_without_a_currency()
    {
        Assert.Equal("EUR 1,234", NumberText.Money("EUR", 1234.4));
        Assert.Equal("1,234", NumberText.Money("", 1234.4));
        Assert.Equal("-12", NumberText.Money("", -12.2));
        Assert.Equal("–", NumberText.Money("", double.NaN));
        Assert.Equal(" (USD)", NumberText.MoneyUnit("USD"));
        Assert.Equal("", NumberText.MoneyUnit(""));
    }

    [Fact]
    public void A_cost_file_without_a_currency_is_read_and_written_back_without_one()
    {
        var costs = CostModel.Parse(NoCurrency, "costs.json");

        Assert.Equal(CostModel.Default with { Currency = "" }, costs);
        Assert.Null(JsonNode.Parse(costs.ToJson())!["currency"]);
        Assert.Equal(costs, CostModel.Parse(costs.ToJson()));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Every_rendering_prints_amounts_without_a_code_when_the_cost_file_has_none()
    {
        var without = new BatchMonitor(SmallModel.Folder, costs: CostModel.Parse(NoCurrency)) { Multivariate = false }.Check(SmallModel.FlashSale);
        var with = new BatchMonitor(SmallModel.Folder) { Multivariate = false }.Check(SmallModel.FlashSale);

        var c = without.Money!.ReturnCost;
        var text = Text(without);
        Assert.DoesNotContain("EUR", text, StringComparison.Ordinal);
        Assert.Contains($"expected {NumberText.Whole(c.ExpectedTotal)} (95% band", text, StringComparison.Ordinal);
        Assert.Contains($"expected EUR {NumberText.Whole(with.Money!.ReturnCost.ExpectedTotal)} (95% band", Text(with), StringComparison.Ordinal);
        Assert.Contains(" per 1,000 orders", without.Money.Threshold.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR", without.Money.Threshold.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(without.Recommendation.Findings, f => f.Evidence.Contains("EUR", StringComparison.Ordinal));

        var json = BatchCheckJson.ToNode(without)["money"]!;
        Assert.Null(json["currency"]);
        Assert.Equal("EUR", (string?)BatchCheckJson.ToNode(with)["money"]!["currency"]);

        var page = HtmlReport.Render(SmallModel.Monitor.ReferenceOverview, "reference", [without]);
        var start = page.IndexOf("id=\"money-0\"", StringComparison.Ordinal);
        var card = page[start..page.IndexOf("</div></div>", start, StringComparison.Ordinal)];
        Assert.Contains($"<div class=\"value money-expected\">{NumberText.Whole(1000 * c.ExpectedPerOrder)}</div>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("EUR", card, StringComparison.Ordinal);
    }

    private static string Text(BatchCheck check)
    {
        var writer = new StringWriter();
        TextTables.Check(new CliOutput(writer, TextWriter.Null).Console, check);
        return writer.ToString();
    }
}
