using System.Text.Json.Nodes;
using Plotly.NET;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Charts;

public class MonitoringChartsTests
{
    private static JsonNode Spec(GenericChart chart) => JsonNode.Parse(GenericChart.toJson(chart))!;

    private static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => (double)v!).ToArray();

    [Fact]
    public void Reliability_chart_draws_the_non_empty_bins_and_names_the_ece()
    {
        var curve = ReliabilityCurve.Compute([false, true, false, true, true, false], [0.05, 0.95, 0.15, 0.85, 0.12, 0.9], bins: 10);
        var spec = Spec(MonitoringCharts.Reliability([("test split", curve)]));

        var filled = curve.Bins.Where(b => b.Count > 0).ToArray();
        Assert.Equal(filled.Select(b => b.MeanPredicted), Numbers(spec["data"]![0]!["x"]));
        Assert.Equal(filled.Select(b => b.ObservedRate), Numbers(spec["data"]![0]!["y"]));
        Assert.Contains($"ECE {curve.ExpectedCalibrationError:F3}", (string)spec["data"]![0]!["name"]!);
        Assert.Equal("perfectly calibrated", (string)spec["data"]![1]!["name"]!);
    }

    [Fact]
    public void Performance_timeline_shades_the_band_and_draws_estimate_realized_and_thresholds()
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 2000, 7);
        var (model, _, test) = ModelTrainer.TrainAndEvaluate(reference, importanceRepeats: 1);
        var monitor = new BatchMonitor(ReferenceProfile.Fit(reference), ModelMonitor.Fit(model, test, null));
        var batches = new[] { Scenario.Normal, Scenario.FlashSale }
            .Select((s, i) => (s.Name, monitor.Check(OrderGenerator.Generate(s, 300, (ulong)(11 + i))).Model!))
            .ToArray();
        var metric = PerformanceMetric.Accuracy;

        var spec = Spec(MonitoringCharts.PerformanceTimeline(batches, metric));

        var data = spec["data"]!.AsArray();
        var band = Numbers(data[0]!["y"]);
        Assert.Equal("toself", (string)data[0]!["fill"]!);
        Assert.Equal(
            batches.Select(b => b.Item2.Estimated.Bands[metric].Lower).Concat(batches.Select(b => b.Item2.Estimated.Bands[metric].Upper).Reverse()),
            band);
        Assert.Equal(batches.Select(b => b.Item2.Estimated[metric]), Numbers(data[1]!["y"]));
        Assert.Equal(batches.Select(b => metric.Of(b.Item2.Realized!)), Numbers(data[2]!["y"]));
        var thresholds = batches[0].Item2.Thresholds[metric];
        var lines = spec["layout"]!["shapes"]!.AsArray().Select(s => (double)s!["y0"]!).ToArray();
        Assert.Equal([thresholds.Lower, thresholds.Upper], lines);
    }

    [Fact]
    public void Performance_timeline_needs_a_batch()
    {
        Assert.Throws<ArgumentException>(() => MonitoringCharts.PerformanceTimeline([], PerformanceMetric.Accuracy));
    }

    [Fact]
    public void Conditional_means_are_the_group_means_of_groups_large_enough()
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 3000, 3);
        var spec = Spec(MonitoringCharts.ConditionalMeans(reference, reference, "discount_percentage", "delivery_time_days", minimumOrders: 50));

        var by = reference.Numeric("discount_percentage").ToArray();
        var of = reference.Numeric("delivery_time_days").ToArray();
        var expected = by.Zip(of).GroupBy(p => p.First).Where(g => g.Count() >= 50).OrderBy(g => g.Key).ToArray();
        Assert.Equal(expected.Select(g => g.Key), Numbers(spec["data"]![0]!["x"]));
        var means = Numbers(spec["data"]![0]!["y"]);
        Assert.Equal(expected.Length, means.Length);
        for (var i = 0; i < means.Length; i++)
        {
            Assert.Equal(expected[i].Average(p => p.Second), means[i], 12);
        }

        Assert.True(expected.Length < by.Distinct().Count(), "some small groups should have been left out");
    }

    [Fact]
    public void Alarm_rates_draw_one_line_per_case_and_mark_the_false_positive_target()
    {
        BatchAlarmRate Rate(string scenario, bool isNull, int size, long hits) => new(scenario, isNull, 1, size, new Proportion(hits, 100), new Proportion(0, 100));
        var spec = Spec(MonitoringCharts.AlarmRates([Rate("normal", true, 100, 3), Rate("normal", true, 1000, 1), Rate("flash_sale", false, 100, 90), Rate("flash_sale", false, 1000, 100)]));

        var data = spec["data"]!.AsArray();
        Assert.Equal("normal (false positives)", (string)data[0]!["name"]!);
        Assert.Equal([0.03, 0.01], Numbers(data[0]!["y"]));
        Assert.Equal([0.9, 1.0], Numbers(data[1]!["y"]));
        Assert.Equal(Evaluator.MaxFalsePositiveRate, (double)spec["layout"]!["shapes"]![0]!["y0"]!);
        Assert.Equal("log", (string)spec["layout"]!["xaxis"]!["type"]!);
    }
}
