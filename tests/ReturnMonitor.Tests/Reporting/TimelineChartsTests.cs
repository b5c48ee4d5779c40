using System.Text.Json;
using Plotly.NET;
using ReturnMonitor.History;
using ReturnMonitor.Reporting;
using ReturnMonitor.Tests.History;

namespace ReturnMonitor.Tests.Charts;

/// <summary>The timeline as one Plotly.NET chart (notebook 06 and 07): three stacked panels, alerts marked.</summary>
public sealed class TimelineChartsTests
{
    [Fact]
    public void A_history_draws_score_return_rate_and_accuracy_with_alerts_marked()
    {
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        store.Record(HistoryFixtures.Record("2026-01", HistoryFixtures.Hash(1), seed: 0));
        store.Record(HistoryFixtures.Record("2026-02", HistoryFixtures.Hash(2), ReturnMonitor.Drift.DriftStatus.Critical, seed: 2));
        store.Record(HistoryFixtures.Record("2026-03", HistoryFixtures.Hash(3), seed: 4));

        using var json = JsonDocument.Parse(GenericChart.toJson(HistoryTimeline.Chart(store.Batches())));
        var traces = json.RootElement.GetProperty("data").EnumerateArray().ToArray();

        Assert.Equal(["drift score (0–100)", "alert raised", "return rate", "estimated accuracy (no labels)"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["2026-01", "2026-02", "2026-03"], traces[0].GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([3.25, 45.5, 7.25], traces[0].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        // Only the critical period has alerts.
        Assert.Equal(["2026-02"], traces[1].GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([0.125, 0.127, 0.129], traces[2].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        Assert.Equal([0.80, 0.798, 0.796], traces[3].GetProperty("y").EnumerateArray().Select(y => Math.Round(y.GetDouble(), 9)));
        // Three rows on one period axis.
        var grid = json.RootElement.GetProperty("layout").GetProperty("grid");
        Assert.Equal(3, grid.GetProperty("rows").GetInt32());
        Assert.Equal(1, grid.GetProperty("columns").GetInt32());
    }

    [Fact]
    public void Realized_accuracy_is_drawn_beside_the_estimate_only_for_the_periods_whose_labels_are_in()
    {
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        // January labelled (late labels give a realized value), February still waiting: no realized value.
        var january = HistoryFixtures.Record("2026-01", HistoryFixtures.Hash(1), seed: 0);
        store.Record(january with { ModelHealth = january.ModelHealth.Select(m => m.Metric == "accuracy" ? m with { Realized = 0.815 } : m).ToArray() });
        store.Record(HistoryFixtures.Record("2026-02", HistoryFixtures.Hash(2), seed: 2));

        using var json = JsonDocument.Parse(GenericChart.toJson(HistoryTimeline.Chart(store.Batches())));
        var traces = json.RootElement.GetProperty("data").EnumerateArray().ToArray();

        Assert.Equal(["drift score (0–100)", "return rate", "estimated accuracy (no labels)", "realized accuracy (labels)"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["2026-01"], traces[3].GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal([0.815], traces[3].GetProperty("y").EnumerateArray().Select(y => y.GetDouble()));
        // On the accuracy panel, with the estimate.
        Assert.Equal(traces[2].GetProperty("yaxis").GetString(), traces[3].GetProperty("yaxis").GetString());
    }

    [Fact]
    public void An_empty_timeline_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TimelineCharts.Periods([]));
    }
}
