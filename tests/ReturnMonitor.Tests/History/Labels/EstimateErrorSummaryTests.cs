using System.Text.Json.Nodes;
using ReturnMonitor.History;

namespace ReturnMonitor.Tests.History.Labels;

/// <summary>How good the label-free estimate was: per metric, mean error and the share of labelled periods whose band held the realized value, hand-checked.</summary>
public sealed class EstimateErrorSummaryTests
{
    // accuracy: W01 est 0.80 band [0.78, 0.82] realized 0.79 → error +0.01, held; W02 est 0.75 band [0.73, 0.77]
    // realized 0.70 → +0.05, not held; W03 est 0.80 band [0.78, 0.82] realized 0.82 exactly on the upper bound → −0.02, held (bounds included);
    // W04 unlabelled → left out. Mean error (0.01 + 0.05 − 0.02) / 3 = 0.013333…, mean |error| 0.08 / 3, band held 2/3.
    private static readonly HistoryEntry[] History =
    [
        Entry(1, "2026-W01", new HistoryMetric("accuracy", 0.80, 0.78, 0.82, 0.7, 0.9, 0.79), new HistoryMetric("rocAuc", 0.70, 0.66, 0.74, 0.6, 0.8, null)),
        Entry(2, "2026-W02", new HistoryMetric("accuracy", 0.75, 0.73, 0.77, 0.7, 0.9, 0.70), new HistoryMetric("rocAuc", 0.70, 0.66, 0.74, 0.6, 0.8, null)),
        Entry(3, "2026-W03", new HistoryMetric("accuracy", 0.80, 0.78, 0.82, 0.7, 0.9, 0.82), new HistoryMetric("rocAuc", 0.70, 0.66, 0.74, 0.6, 0.8, null)),
        Entry(4, "2026-W04", new HistoryMetric("accuracy", 0.81, 0.79, 0.83, 0.7, 0.9, null), new HistoryMetric("rocAuc", 0.70, 0.66, 0.74, 0.6, 0.8, null)),
    ];

    [Fact]
    public void Mean_error_and_band_held_share_per_metric()
    {
        var summary = EstimateErrorSummary.Of(History);

        // Metrics in PerformanceMetrics order: rocAuc before accuracy.
        Assert.Equal(["rocAuc", "accuracy"], summary.Select(e => e.Metric));
        var accuracy = summary[1];
        Assert.Equal(3, accuracy.Periods);
        Assert.Equal(0.04 / 3, accuracy.MeanError, 12);
        Assert.Equal(0.08 / 3, accuracy.MeanAbsoluteError, 12);
        Assert.Equal(2, accuracy.BandHeld);
        Assert.Equal(2.0 / 3, accuracy.BandHeldShare, 15);
        Assert.Equal(0, summary[0].Periods);
        Assert.True(double.IsNaN(summary[0].MeanError));
        Assert.Equal(["rocAuc: no labelled period yet", "accuracy: 3 labelled period(s), mean error (estimated − realized) +0.0133, mean |error| 0.0267, band held 2/3 (66.7%)"], EstimateErrorSummary.Lines(summary));
    }

    [Fact]
    public void The_json_and_csv_exports_carry_estimated_realized_and_the_summary()
    {
        var json = JsonNode.Parse(HistoryExport.Json(History))!;
        var accuracy = json["estimateError"]!.AsArray().Single(e => (string)e!["metric"]! == "accuracy")!;
        Assert.Equal(3, (int)accuracy["periods"]!);
        Assert.Equal(2, (int)accuracy["bandHeld"]!);
        Assert.Null(json["estimateError"]![0]!["meanError"]);

        var csv = HistoryExport.Csv(History).Split('\n');
        var header = csv[0].Split(',');
        var row = csv[1].Split(',');
        Assert.Equal("0.79", row[Array.IndexOf(header, "realized_accuracy")]);
        Assert.Equal("0.7", row[Array.IndexOf(header, "estimated_roc_auc")]);
        Assert.Equal("", row[Array.IndexOf(header, "realized_roc_auc")]);
        Assert.Equal("", row[Array.IndexOf(header, "labelled")]);
    }

    private static HistoryEntry Entry(long id, string period, params HistoryMetric[] metrics) =>
        new(id, HistoryFixtures.Record(period, HistoryFixtures.Hash((int)id), seed: 1) with { ModelHealth = metrics });
}
