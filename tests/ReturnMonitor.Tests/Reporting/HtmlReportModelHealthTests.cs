using System.Net;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Monitoring.Sections.ModelHealth;
using ReturnMonitor.Reporting;
using ReturnMonitor.Tests.Monitoring;

namespace ReturnMonitor.Tests.Formatting;

[Trait(Traits.Category, Traits.Slow)]
public class HtmlReportModelHealthTests
{
    private static readonly Lazy<(BatchMonitor Monitor, BatchCheck[] Checks)> Fixture = new(() =>
    {
        var monitor = SmallModel.Monitor;
        return (monitor, new[] { monitor.Check(SmallModel.Normal), monitor.Check(SmallModel.FlashSale) });
    });

    [Fact]
    public void Each_batch_gets_a_model_health_table_with_estimate_band_thresholds_and_alerts()
    {
        var (monitor, checks) = Fixture.Value;
        var html = HtmlReport.Render(monitor.ReferenceOverview, "train.csv", checks);

        for (var b = 0; b < checks.Length; b++)
        {
            var model = checks[b].Model!;
            var table = Section(html, $"id=\"model-health-{b}\"", "</table>");
            var accuracy = model.Estimated[PerformanceMetric.Accuracy].ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"<td>accuracy</td>", table);
            Assert.Contains($"<td>{accuracy}</td>", table);
            var thresholds = model.Thresholds[PerformanceMetric.Accuracy];
            Assert.Contains($"{thresholds.Lower.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}–{thresholds.Upper.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}", table);
            // A row is marked when its metric alerts, and only then.
            Assert.Equal(model.Alerts.Select(a => a.Split(' ')[1]).Distinct().Count(), CountOf(table, "sev-severe"));
            // The same rows as the terminal's table (ModelHealthTable), cell for cell.
            foreach (var row in ModelHealthTable.Of(model))
            {
                Assert.Contains($"<td>{row.Metric}</td><td>{row.Reference}</td><td>{row.Realized}</td><td>{row.Estimated}</td><td>{row.Band}</td><td>{row.AlertOutside}</td>", table);
            }
        }

        // The clean batch's label-free estimates stay inside their ranges; its realized metrics on 800 labels may
        // cross a 3-sigma line by chance (one realized precision alert with the LightGbm default on this fixture).
        Assert.DoesNotContain(checks[0].Model!.Alerts, a => a.StartsWith("estimated", StringComparison.Ordinal));
        Assert.NotEmpty(checks[1].Model!.Alerts);
    }

    [Fact]
    public void The_band_shown_is_the_assessed_band_when_cbpe_is_reported_and_the_sampling_band_otherwise()
    {
        // With the domain classifiers on, so that the checks are assessed.
        var assessedMonitor = new BatchMonitor(SmallModel.Folder);
        var checks = new[] { assessedMonitor.Check(SmallModel.Normal), assessedMonitor.Check(SmallModel.FlashSale) };
        static string Range(double lower, double upper) =>
            $"{lower.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}–{upper.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)}";
        foreach (var check in checks)
        {
            var model = check.Model!;
            var assessed = model.Assessment![PerformanceMetric.Accuracy];
            var row = ModelHealthTable.Of(model).Single(r => r.Metric == "accuracy");
            var sampling = model.Estimated.Bands[PerformanceMetric.Accuracy];
            Assert.Equal(assessed.Method == EstimateMethod.Cbpe ? Range(assessed.Lower, assessed.Upper) : Range(sampling.Lower, sampling.Upper), row.Band);
        }

        // Without an assessment (domain classifiers off), CBPE's own sampling band.
        var plain = checks[0].Model! with { Assessment = null };
        var band = plain.Estimated.Bands[PerformanceMetric.Accuracy];
        Assert.Equal(Range(band.Lower, band.Upper), ModelHealthTable.Of(plain).Single(r => r.Metric == "accuracy").Band);
        // The assessed band is the wider one: it adds the calibration's spread and bias to the label noise.
        var normal = checks[0].Model!.Assessment![PerformanceMetric.Accuracy];
        Assert.True(normal.Upper - normal.Lower > band.Upper - band.Lower);
    }

    [Fact]
    public void Only_batches_with_a_model_section_get_the_panel()
    {
        var (monitor, checks) = Fixture.Value;
        var driftOnly = new BatchMonitor(monitor.Profile).Check(SmallModel.FlashSale);
        Assert.Null(driftOnly.Model);

        var html = HtmlReport.Render(monitor.ReferenceOverview, "train.csv", [checks[0], driftOnly]);

        Assert.Contains("id=\"model-health-0\"", html);
        Assert.DoesNotContain("id=\"model-health-1\"", html);
        Assert.DoesNotContain("Model health", HtmlReport.Render(monitor.ReferenceOverview, "train.csv", [driftOnly]));
    }

    [Fact]
    public void The_findings_panel_shows_the_checks_findings_in_order()
    {
        var (monitor, checks) = Fixture.Value;
        var html = HtmlReport.Render(monitor.ReferenceOverview, "train.csv", checks);

        for (var b = 0; b < checks.Length; b++)
        {
            var panel = Section(html, $"id=\"findings-{b}\"", "<p class=\"actions\">");
            var positions = checks[b].Recommendation.Findings
                .Select(f => panel.IndexOf($"<b>{WebUtility.HtmlEncode(f.Title)}</b>: {WebUtility.HtmlEncode(f.Evidence)}", StringComparison.Ordinal))
                .ToArray();
            Assert.All(positions, p => Assert.True(p >= 0, "a finding of the check is missing from the page"));
            Assert.Equal(positions.Order(), positions);
        }

        Assert.Contains(checks[1].Recommendation.Findings, f => f.Title.StartsWith("Flash-sale pattern", StringComparison.Ordinal));
    }

    private static string Section(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from > 0, $"no {start}");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
