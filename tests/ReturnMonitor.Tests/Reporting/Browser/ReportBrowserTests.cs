using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Browser;

/// <summary>Builds a report for the three scenarios plus a hostile batch, once, for all tests of the class.</summary>
public sealed class ReportFixture
{
    public const string HostileCategory = "<script>alert(1)</script>";
    public const string HostileName = "<img src=x onerror=alert(2)>.csv";

    public ReportFixture()
    {
        var monitor = new BatchMonitor(ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 3000, seed: 1)));
        var hostile = OrderGenerator.Generate(Scenario.Normal, 500, seed: 4);
        hostile = hostile.WithCategorical(OrderSchema.ProductCategory, hostile.Categorical(OrderSchema.ProductCategory).Select((c, i) => i % 3 == 0 ? HostileCategory : c).ToArray());
        Checks =
        [
            monitor.Check(OrderGenerator.Generate(Scenario.Normal, 1000, seed: 2)),
            monitor.Check(OrderGenerator.Generate(Scenario.FlashSale, 1000, seed: 2)),
            monitor.Check(OrderGenerator.Generate(Scenario.SupplyCrisis, 1000, seed: 2)),
            monitor.Check(hostile) with { Name = HostileName },
        ];
        Html = HtmlReport.Render(monitor.ReferenceOverview, "train.csv", Checks);
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rm-report-{Guid.NewGuid():N}.html");
        File.WriteAllText(Path, WithAlertProbe(Html));
    }

    public IReadOnlyList<BatchCheck> Checks { get; }

    public string Html { get; }

    public string Path { get; }

    public string Url(string fragment) => new Uri(Path).AbsoluteUri + "#" + fragment;

    /// <summary>
    /// The page as the browser test opens it: the test (not the page) replaces window.alert, right after the page's
    /// error recorder, so that an alert an injected script attempted would show in data-errors.
    /// </summary>
    private static string WithAlertProbe(string html)
    {
        var end = html.IndexOf("</script>", StringComparison.Ordinal) + "</script>".Length;
        return html[..end] + "<script>window.alert=function(m){window.__errors.push('alert: '+m);};</script>" + html[end..];
    }
}

[Trait(Traits.Category, Traits.Slow)]
public class ReportBrowserTests(ReportFixture report) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Every_chart_renders_offline_switching_batches_changes_the_values_and_no_script_errs()
    {
        var dom = HeadlessChromium.DumpDom(report.Url("selftest"));

        Assert.Equal("true", Attribute(dom, "ready"));
        Assert.Equal("[]", Attribute(dom, "errors")); // also: the hostile category's alert() never ran
        var chartContainers = Regex.Matches(report.Html, "<div class=\"chart[^\"]*\"[^>]* id=\"chart-").Count;
        Assert.Equal(chartContainers.ToString(System.Globalization.CultureInfo.InvariantCulture), Attribute(dom, "charts"));
        Assert.Equal("[]", Attribute(dom, "missing")); // every container holds Plotly's main-svg

        var views = JsonSerializer.Deserialize<JsonElement[]>(Attribute(dom, "selftest"))!;
        Assert.Equal(report.Checks.Count, views.Length);
        for (var b = 0; b < views.Length; b++)
        {
            Assert.Equal([$"batch-{b}"], views[b].GetProperty("visible").EnumerateArray().Select(v => v.GetString()));
            var banner = views[b].GetProperty("banner").GetString()!;
            Assert.Contains($"drift score {report.Checks[b].Drift.Score.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)}/100", banner);
        }

        Assert.StartsWith("HEALTHY", views[0].GetProperty("banner").GetString());
        Assert.StartsWith("CRITICAL", views[1].GetProperty("banner").GetString());
        Assert.NotEqual(views[1].GetProperty("banner").GetString(), views[2].GetProperty("banner").GetString());
    }

    [Fact]
    public void Screenshots_of_each_batch_view()
    {
        var directory = System.IO.Path.Combine(TestPaths.Repository, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        for (var b = 0; b < 3; b++)
        {
            var png = System.IO.Path.Combine(directory, $"report-{report.Checks[b].Name}.png");
            File.Delete(png);
            HeadlessChromium.Screenshot(report.Url($"batch={b}"), png);
            Assert.True(new FileInfo(png).Length > 20_000, "screenshot is suspiciously small");
        }
    }

    [Fact]
    public void User_controlled_text_is_escaped_in_html_and_in_chart_json()
    {
        Assert.DoesNotContain(ReportFixture.HostileCategory, report.Html);
        Assert.DoesNotContain(ReportFixture.HostileName, report.Html);
        Assert.Contains(WebUtility.HtmlEncode(ReportFixture.HostileName), report.Html);
        Assert.Contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", report.Html);
        Assert.Contains(WebUtility.HtmlEncode("'" + ReportFixture.HostileCategory + "'"), report.Html); // the unseen-category finding
    }

    [Fact]
    public void The_page_leaves_the_browsers_alert_alone()
    {
        Assert.DoesNotContain("window.alert", report.Html);
    }

    [Fact]
    public void The_page_needs_no_network_and_embeds_plotly_once()
    {
        // plotly.js itself contains URL strings (its logo link, map attributions) that are never fetched for these charts.
        var page = report.Html.Replace(PlotlyJs.Source, "", StringComparison.Ordinal);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("@import", page);
        Assert.Single(Regex.Matches(report.Html, Regex.Escape("plotly.js v" + PlotlyJs.Version)));
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var again = HtmlReport.Render(
            new BatchMonitor(ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 3000, seed: 1))).ReferenceOverview,
            "train.csv", report.Checks);
        Assert.Equal(report.Html, again);
    }

    private static string Attribute(string dom, string name)
    {
        var match = Regex.Match(dom, $"data-{name}=\"([^\"]*)\"");
        Assert.True(match.Success, $"the page did not set data-{name} (scripts did not finish?)");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
