using System.Text.RegularExpressions;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Tests.History;

namespace ReturnMonitor.Tests.Browser;

[Trait(Traits.Category, Traits.Slow)]
public sealed class TimelineBrowserTests
{
    /// <summary>52 weekly records (a year), every fourth one critical with alerts; a hostile batch name.</summary>
    private static IReadOnlyList<HistoryEntry> Year() => Enumerable.Range(0, 52).Select(i =>
    {
        var period = BatchPeriod.Week(2026, 1).AddWeeks(i).Label;
        var record = HistoryFixtures.Record(period, HistoryFixtures.Hash(i), i % 4 == 3 ? DriftStatus.Critical : DriftStatus.Healthy, seed: i % 7)
            with
        { Source = i == 5 ? "<img src=x onerror=alert(3)>.csv" : $"{period}.csv" };
        return new HistoryEntry(i + 1, record with { Sequential = new HistorySequential(i % 4 == 3 ? 9 : 0.5, 6, i % 4 == 3) });
    }).ToArray();

    [Fact]
    public void A_year_of_history_draws_the_timeline_and_only_the_selected_periods_chart()
    {
        var monitor = new BatchMonitor(ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 2000, seed: 1)));
        var check = monitor.Check(OrderGenerator.Generate(Scenario.Normal, 500, seed: 2));
        var without = HtmlReport.Render(monitor.ReferenceOverview, "train.csv", [check]);
        var html = HtmlReport.Render(monitor.ReferenceOverview, "train.csv", [check], HistoryTimeline.Panel(Year()));
        // The history travels as data, not as 52 chart specifications: a year adds tens of kilobytes.
        Assert.InRange(html.Length - without.Length, 1, 60_000);
        Assert.Equal(52, Regex.Matches(html, "<option value=\"\\d+\">2026-W").Count + Regex.Matches(html, "<option value=\"\\d+\">2027-W").Count);
        Assert.DoesNotContain("<img src=x", html);

        var path = Path.Combine(Path.GetTempPath(), $"rm-timeline-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, html);
        var dom = HeadlessChromium.DumpDom(new Uri(path).AbsoluteUri);
        var body = Regex.Match(dom, "<body[^>]*>").Value;
        Assert.Contains("data-timeline=\"true\"", body);
        Assert.Contains("data-errors=\"[]\"", body);
        Assert.Contains("data-period-charts=\"1\"", body);
        foreach (var id in new[] { "tl-score", "tl-cusum", "tl-heat", "tl-accuracy", "tl-return", "tl-period" })
        {
            var at = dom.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
            Assert.True(at >= 0, id);
            Assert.Contains("class=\"main-svg\"", dom.Substring(at, Math.Min(4000, dom.Length - at)));
        }

        // The last period is selected at first; its title names it.
        Assert.Contains("2026-W52 — 2026-W52.csv: critical", dom);
    }
}
