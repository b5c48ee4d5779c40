using ReturnMonitor.Cli;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Monitoring.Sections;
using ReturnMonitor.Monitoring.Sections.ModelHealth;
using ReturnMonitor.Reporting;
using ReturnMonitor.Tests.Monitoring.Sections.Toy;

namespace ReturnMonitor.Tests.Monitoring.Sections;

/// <summary>
/// A check section is one unit: a toy section (one folder, Toy/) and one registration put it into the JSON, the
/// terminal and the dashboard; without the registration none of them shows it. Model health goes the same way.
/// </summary>
public sealed class CheckSectionTests
{
    private static readonly ReferenceProfile Profile = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 2000, seed: 1));

    private static readonly OrderTable Batch = OrderGenerator.Generate(Scenario.Normal, 500, seed: 2);

    [Fact]
    public void A_toy_section_registered_once_appears_in_the_json_the_text_and_the_dashboard()
    {
        var monitor = new BatchMonitor(Profile) { Sections = CheckSectionRegistry.Default.With(new BatchSizeSection()) };

        var check = monitor.Check(Batch);
        var json = BatchCheckJson.ToNode(check);
        var text = Text(check);
        var html = HtmlReport.Render(monitor.ReferenceOverview, "reference", [check]);

        var size = Assert.IsType<BatchSize>(Assert.Single(check.Sections, s => s.Section.Key == "batchSize").Value);
        Assert.Equal((500, 2000), (size.Orders, size.ReferenceOrders));
        Assert.Equal(500, json["batchSize"]!["orders"]!.GetValue<long>());
        Assert.Equal(0.25, json["batchSize"]!["ratio"]!.GetValue<double>());
        Assert.Contains("Batch size against the reference", text, StringComparison.Ordinal);
        Assert.Matches(@"│\s+500 │\s+2000 │\s+0\.250 │", text);
        Assert.Contains("<p id=\"batch-size-0\">500 orders, 0.250 of the reference</p>", html, StringComparison.Ordinal);
        // Where sections go: after the drift fields and before the findings, in JSON and in the terminal.
        var keys = json.Select(p => p.Key).ToList();
        Assert.InRange(keys.IndexOf("batchSize"), keys.IndexOf("features") + 1, keys.IndexOf("urgency") - 1);
        Assert.True(text.IndexOf("Batch size", StringComparison.Ordinal) < text.IndexOf("Recommended actions", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_registration_no_rendering_shows_the_section()
    {
        var monitor = new BatchMonitor(Profile);

        var check = monitor.Check(Batch);

        Assert.DoesNotContain(check.Sections, s => s.Section.Key == "batchSize");
        Assert.Null(BatchCheckJson.ToNode(check)["batchSize"]);
        Assert.DoesNotContain("Batch size", Text(check), StringComparison.Ordinal);
        Assert.DoesNotContain("batch-size-0", HtmlReport.Render(monitor.ReferenceOverview, "reference", [check]), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_health_is_rendered_through_its_registration()
    {
        var folder = SmallModel.Folder;
        var registered = new BatchMonitor(folder) { Multivariate = false }.Check(SmallModel.Normal);
        var unregistered = new BatchMonitor(folder) { Multivariate = false, Sections = CheckSectionRegistry.Empty }.Check(SmallModel.Normal);

        // The scoring pass still runs (money and the findings read it); only the section's renderings go.
        Assert.NotNull(unregistered.Model);
        Assert.NotNull(BatchCheckJson.ToNode(registered)["performance"]);
        Assert.Null(BatchCheckJson.ToNode(unregistered)["performance"]);
        Assert.Contains("Model performance (threshold 0.5)", Text(registered), StringComparison.Ordinal);
        Assert.DoesNotContain("Model performance", Text(unregistered), StringComparison.Ordinal);
        Assert.Contains("<h3>Model health</h3>", HtmlReport.Render(BatchOverview.Of(folder.Profile.Summary), "reference", [registered]), StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Model health</h3>", HtmlReport.Render(BatchOverview.Of(folder.Profile.Summary), "reference", [unregistered]), StringComparison.Ordinal);
    }

    [Fact]
    public void Money_and_data_quality_are_rendered_through_their_registrations()
    {
        var folder = SmallModel.Folder;
        var overview = BatchOverview.Of(folder.Profile.Summary);
        var registered = new BatchMonitor(folder) { Multivariate = false }.Check(SmallModel.FlashSale);
        var modelOnly = new BatchMonitor(folder) { Multivariate = false, Sections = CheckSectionRegistry.Empty.With(new ModelHealthSection()) }.Check(SmallModel.FlashSale);

        Assert.Equal(["modelHealth", "money", "dataQuality"], registered.Sections.Select(s => s.Section.Key));
        Assert.NotNull(registered.Money);
        Assert.NotNull(registered.Quality);
        Assert.Null(modelOnly.Money);
        Assert.Null(modelOnly.Quality);
        var json = BatchCheckJson.ToNode(registered);
        var keys = json.Select(p => p.Key).ToList();
        // Registration order is rendering order: model health, money, data quality, then the findings.
        Assert.True(keys.IndexOf("performance") < keys.IndexOf("money") && keys.IndexOf("money") < keys.IndexOf("dataQuality") && keys.IndexOf("dataQuality") < keys.IndexOf("urgency"));
        Assert.Null(BatchCheckJson.ToNode(modelOnly)["money"]);
        Assert.Null(BatchCheckJson.ToNode(modelOnly)["dataQuality"]);
        Assert.Contains("Return cost (800 orders): expected", Text(registered), StringComparison.Ordinal);
        Assert.DoesNotContain("Return cost (", Text(modelOnly), StringComparison.Ordinal);
        Assert.Contains("id=\"money-0\"", HtmlReport.Render(overview, "reference", [registered]), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"money-0\"", HtmlReport.Render(overview, "reference", [modelOnly]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_registers_once()
    {
        var registry = CheckSectionRegistry.Default.With(new BatchSizeSection());

        var error = Assert.Throws<ArgumentException>(() => registry.With(new BatchSizeSection()));

        Assert.Contains("batchSize", error.Message, StringComparison.Ordinal);
    }

    private static string Text(BatchCheck check)
    {
        var writer = new StringWriter();
        TextTables.Check(new CliOutput(writer, TextWriter.Null).Console, check);
        return writer.ToString();
    }
}
