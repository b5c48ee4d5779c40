using System.Text.Json.Nodes;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// Without a cost file the money uses the demo shop's assumed figures. On the demo's table they stay in EUR, byte for
/// byte as before; on another shop's table (data/second-shop, prices in an unknown unit) the amounts carry no currency
/// code and the text and JSON say once that the figures are the demo's defaults. Before, the second shop's money said EUR.
/// </summary>
public sealed class DefaultCostsCliTests
{
    [Fact]
    public void Another_shops_money_carries_no_currency_and_says_the_costs_are_the_demos()
    {
        var folder = Path.Combine(TestPaths.Data, "second-shop");
        var model = Path.Combine(CliRunner.TempDirectory(), "model");
        var (code, _, stderr) = CliRunner.Run("train", "--data", Path.Combine(folder, "reference.csv"), "--target", "Return_Status", "--out", model);
        Assert.True(code == 0, stderr);

        string[] drift = ["drift", "--reference", Path.Combine(model, "profile.json"), "--current", Path.Combine(folder, "current.csv"), "--model", model];
        (code, var stdout, stderr) = CliRunner.Run([.. drift, "--format", "json"]);
        Assert.True(code == 0, stderr);
        var money = JsonNode.Parse(stdout)!["money"]!;
        Assert.Null(money["currency"]);
        Assert.Equal("demo defaults, no currency", (string?)money["costsNote"]);
        Assert.Null(money["costs"]!["currency"]);
        Assert.DoesNotContain("EUR", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = CliRunner.Run(drift);
        Assert.True(code == 0, stderr);
        Assert.Single(stdout.Split('\n'), l => l.Contains("demo defaults, no currency", StringComparison.Ordinal));
        Assert.Contains("Costs: demo defaults, no currency", stdout);
        Assert.DoesNotContain("EUR", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demos_money_stays_in_euros_without_a_note()
    {
        var model = Path.Combine(CliRunner.TempDirectory(), "model");
        var (code, _, stderr) = CliRunner.Run("train", "--data", Path.Combine(TestPaths.Data, "train.csv"), "--out", model);
        Assert.True(code == 0, stderr);

        string[] drift = ["drift", "--reference", Path.Combine(model, "profile.json"), "--current", Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"), "--model", model];
        (code, var stdout, stderr) = CliRunner.Run([.. drift, "--format", "json"]);
        Assert.True(code == 0, stderr);
        var money = JsonNode.Parse(stdout)!["money"]!;
        Assert.Equal("EUR", (string?)money["currency"]);
        Assert.Null(money["costsNote"]);
        Assert.DoesNotContain("costsNote", stdout, StringComparison.Ordinal);

        (code, stdout, _) = CliRunner.Run(drift);
        Assert.Equal(0, code);
        Assert.Contains("EUR", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("demo defaults", stdout, StringComparison.Ordinal);
    }
}
