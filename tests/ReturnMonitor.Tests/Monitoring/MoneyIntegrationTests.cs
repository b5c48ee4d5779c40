using System.Globalization;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Monitoring;

/// <summary>
/// The money and reliability sections wired into the product: the monitor fills them from the check's one scoring,
/// JSON / dashboard / findings render the same numbers, <c>--costs</c> is validated, and an older model folder without
/// <c>held-out.csv</c> still works. One saved copy of <see cref="SmallModel"/> is shared by every test here.
/// </summary>
public class MoneyIntegrationTests
{
    private static readonly Lazy<string> SavedFolder = new(() =>
    {
        var directory = CliRunner.TempDirectory();
        SmallModel.Folder.Save(directory);
        return directory;
    });

    private static readonly Lazy<string> FlashSaleFile = new(() =>
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "flash_sale.csv");
        OrderCsv.Write(SmallModel.FlashSale, path);
        return path;
    });

    private static readonly Lazy<BatchCheck> FlashSaleCheck = new(() => SmallModel.Monitor.Check(SmallModel.FlashSale));

    [Fact]
    public void The_saved_folder_keeps_the_held_out_orders_and_the_money_derives_from_the_checks_one_scoring()
    {
        var loaded = ModelDirectory.Load(SavedFolder.Value);
        Assert.Equal(SmallModel.Folder.Training.TestRows, loaded.Monitor.HeldOut!.Count);
        Assert.Equal(SmallModel.Folder.Monitor.HeldOut!.Returned.ToArray(), loaded.Monitor.HeldOut.Returned.ToArray());

        var check = FlashSaleCheck.Value;
        var money = check.Money!;
        var batch = SmallModel.FlashSale;
        var prices = batch.Numeric(OrderSchema.ProductPrice);
        var returned = batch.Returned;
        // By hand: Σ p × (handling + shipping + share × price) over the check's own calibrated probabilities.
        double expected = 0, realized = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var cost = 8.00 + 6.50 + 0.15 * prices[i];
            expected += check.Model!.Probabilities[i] * cost;
            realized += returned[i] ? cost : 0;
        }

        Assert.Equal(expected, money.ReturnCost.ExpectedTotal, 6);
        Assert.Equal(realized, money.ReturnCost.RealizedTotal!.Value, 6);
        Assert.Equal(CostModel.Default, money.Costs);
        Assert.Equal(SmallModel.Monitor.ReferenceCostPerOrder, money.ReturnCost.ReferencePerOrder);
        Assert.Equal(money.ReturnCost.ExpectedPerOrder - money.ReturnCost.ReferencePerOrder, money.ReturnCost.ExtraPerOrder, 12);
        // Without the domain classifiers there is no reliability assessment, and the check says why.
        Assert.Null(check.Model!.Assessment);
        Assert.Contains("switched off", check.Model.AssessmentSkipped);
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Drift_json_with_a_model_has_money_and_reliability_with_the_given_costs_and_without_a_model_neither()
    {
        var costs = Path.Combine(CliRunner.TempDirectory(), "costs.json");
        File.WriteAllText(costs, """{ "currency": "USD", "returnHandling": 10, "returnShipping": 5, "priceLostShare": 0.2, "interventionCost": 2, "interventionPreventedShare": 0.3 }""");
        var folder = SavedFolder.Value;

        var (code, stdout, _) = CliRunner.Run("drift", "--reference", Path.Combine(folder, "profile.json"), "--current", FlashSaleFile.Value, "--model", folder, "--costs", costs, "--format", "json");

        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!.AsObject();
        var money = json["money"]!.AsObject();
        Assert.Equal("USD", (string)money["currency"]!);
        Assert.Equal(10, (double)money["costs"]!["returnHandling"]!);
        var cost = money["returnCost"]!;
        var orders = (int)cost["orders"]!;
        Assert.Equal(SmallModel.FlashSale.Count, orders);
        Assert.InRange((double)cost["expectedTotal"]!, (double)cost["lower"]!, (double)cost["upper"]!);
        Assert.Equal((double)cost["expectedTotal"]! / orders, (double)cost["expectedPerOrder"]!, 9);
        Assert.NotNull(cost["realizedTotal"]);
        Assert.NotNull(cost["importanceWeightedPerOrder"]);
        Assert.Equal(0.5, (double)money["decisions"]!["threshold"]!);
        Assert.NotEqual("", (string)money["threshold"]!["sentence"]!);
        // Never a per-order array: every array in the money section is short.
        Assert.DoesNotContain(Descendants(money), n => n is JsonArray a && a.Count >= orders);

        var performance = json["performance"]!.AsObject();
        var reliability = performance["reliability"]!;
        // The flash sale reaches discounts the training data never had: flagged, with a reason naming the feature.
        Assert.False((bool)reliability["reliable"]!);
        Assert.Contains("discount_percentage", (string)reliability["reason"]!);
        Assert.True((bool)reliability["shiftDetected"]!);
        Assert.Equal(SmallModel.Folder.Training.TestRows, (int)reliability["referenceOrders"]!);
        var accuracy = performance["assessed"]!["accuracy"]!;
        Assert.Equal((string)reliability["method"]!, (string)accuracy["method"]!);
        Assert.Equal((double)performance["estimated"]!["accuracy"]!, (double)accuracy["cbpe"]!, 12);
        Assert.Contains(json["findings"]!.AsArray(), f => (string)f!["title"]! == "Label-free estimate unreliable" && ((string)f["evidence"]!).Contains((string)reliability["reason"]!, StringComparison.Ordinal));

        var (plainCode, plain, _) = CliRunner.Run("drift", "--reference", Path.Combine(folder, "profile.json"), "--current", FlashSaleFile.Value, "--costs", costs, "--format", "json");
        Assert.Equal(0, plainCode);
        var drift = JsonNode.Parse(plain)!.AsObject();
        Assert.False(drift.ContainsKey("money"));
        Assert.False(drift.ContainsKey("performance"));
    }

    [Theory]
    [InlineData("""{ "currency": "EUR", "returnHandling": 8, "returnShipping": -6.5, "priceLostShare": 0.15, "interventionCost": 1.5, "interventionPreventedShare": 0.25 }""", "returnShipping")]
    [InlineData("""{ "currency": "EUR", "returnHandling": 8 """, "not valid JSON")]
    public void A_bad_cost_file_is_one_clear_line_and_exit_1(string content, string named)
    {
        var costs = Path.Combine(CliRunner.TempDirectory(), "bad-costs.json");
        File.WriteAllText(costs, content);
        var folder = SavedFolder.Value;

        foreach (var args in new[]
        {
            new[] { "drift", "--reference", Path.Combine(folder, "profile.json"), "--current", FlashSaleFile.Value, "--model", folder, "--costs", costs },
            new[] { "report", "--reference", Path.Combine(folder, "profile.json"), "--current", FlashSaleFile.Value, "--model", folder, "--costs", costs, "--out", Path.Combine(CliRunner.TempDirectory(), "r.html") },
        })
        {
            var (code, stdout, stderr) = CliRunner.Run(args);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            var line = Assert.Single(stderr.Trim().Split('\n'));
            Assert.Contains("bad-costs.json", line);
            Assert.Contains(named, line);
        }
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void The_dashboards_money_card_shows_the_json_numbers()
    {
        var check = FlashSaleCheck.Value;
        var json = BatchCheckJson.ToNode(check)["money"]!;
        var page = HtmlReport.Render(SmallModel.Monitor.ReferenceOverview, "reference", [check]);
        var start = page.IndexOf("id=\"money-0\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no money card");
        var card = page[start..page.IndexOf("</div></div>", start, StringComparison.Ordinal)];

        var cost = json["returnCost"]!;
        var orders = (int)cost["orders"]!;
        string Amount(double value) => "EUR " + value.ToString("N0", CultureInfo.InvariantCulture);
        Assert.Contains($"<div class=\"value money-expected\">{Amount(1000 * (double)cost["expectedPerOrder"]!)}</div>", card);
        Assert.Contains($"<span class=\"money-lower\">{Amount(1000 * (double)cost["lower"]! / orders)}</span>", card);
        Assert.Contains($"<span class=\"money-upper\">{Amount(1000 * (double)cost["upper"]! / orders)}</span>", card);
        Assert.Contains($"<span class=\"money-realized\">{Amount(1000 * (double)cost["realizedTotal"]! / orders)}</span>", card);
        var extra = 1000 * (double)cost["extraPerOrder"]!;
        Assert.Contains($"<span class=\"money-extra\">{(extra >= 0 ? "+" : "−")}{Amount(Math.Abs(extra))}</span>", card);
        Assert.Contains(HtmlReport.E((string)json["threshold"]!["sentence"]!), card);
        // The labelled batch's realized extra cost, the figure the findings cite, is on the card too.
        var realizedExtra = 1000 * ((double)cost["realizedTotal"]! / orders - (double)cost["referencePerOrder"]!);
        Assert.Contains($"extra vs reference (realized) <span class=\"money-extra-best\">{(realizedExtra >= 0 ? "+" : "−")}{Amount(Math.Abs(realizedExtra))}</span>", card);
    }

    [Fact]
    public void The_flash_sale_findings_cite_its_extra_return_cost_in_money()
    {
        var check = FlashSaleCheck.Value;
        var cost = check.Money!.ReturnCost;
        // The batch is labelled: the findings cite the realized extra cost per 1,000 orders.
        var extra = 1000 * (cost.RealizedTotal!.Value / cost.Orders - cost.ReferencePerOrder);
        Assert.True(extra > 0.2 * 1000 * cost.ReferencePerOrder, $"the flash sale should cost clearly more than usual, not {extra}");
        var sentence = $"this batch's returns cost EUR {extra.ToString("N0", CultureInfo.InvariantCulture)} more than usual per 1,000 orders";

        var flashSale = check.Recommendation.Findings.Single(f => f.Title.StartsWith("Flash-sale pattern", StringComparison.Ordinal));
        Assert.Contains(sentence, flashSale.Evidence);
        var returnCost = check.Recommendation.Findings.Single(f => f.Title == "Return cost up");
        Assert.Equal(Urgency.Urgent, returnCost.Urgency);
        Assert.Contains($"Tell finance: {sentence}", returnCost.Actions[0]);
        Assert.DoesNotContain(check.Recommendation.Findings.SelectMany(f => f.Actions), a => a.Contains("revenue at risk", StringComparison.Ordinal));

        // A normal week costs about the usual: no money finding.
        var normal = SmallModel.Monitor.Check(SmallModel.Normal);
        Assert.DoesNotContain(normal.Recommendation.Findings, f => f.Title == "Return cost up");
    }

    [Fact]
    public void An_older_model_folder_without_held_out_orders_still_works_and_says_what_it_skips()
    {
        var directory = CliRunner.TempDirectory();
        foreach (var file in Directory.GetFiles(SavedFolder.Value))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        File.Delete(Path.Combine(directory, HeldOutOrders.FileName));

        var folder = ModelDirectory.Load(directory);
        Assert.Null(folder.Monitor.HeldOut);
        var check = new BatchMonitor(folder) { Multivariate = false }.Check(SmallModel.FlashSale);

        Assert.NotNull(check.Model);
        Assert.Null(check.Money);
        Assert.Null(check.Model!.Assessment);
        Assert.Contains(HeldOutOrders.FileName, check.Model.AssessmentSkipped);
        var json = BatchCheckJson.ToNode(check);
        Assert.False(json.ContainsKey("money"));
        Assert.Contains(HeldOutOrders.FileName, (string)json["performance"]!["reliabilitySkipped"]!);
        Assert.Contains("Flash-sale pattern", check.Recommendation.Findings.Select(f => f.Title).First());
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }
}
