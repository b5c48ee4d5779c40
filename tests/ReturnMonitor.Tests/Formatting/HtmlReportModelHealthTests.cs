using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Formatting;

public class HtmlReportModelHealthTests
{
    private static readonly Lazy<(BatchMonitor Drift, BatchCheck[] Checks, ModelCheck[] Models)> Fixture = new(() =>
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 2000, 21);
        var (model, _, test) = ModelTrainer.TrainAndEvaluate(reference, importanceRepeats: 1);
        var monitor = ModelMonitor.Fit(model, test, null);
        var drift = new BatchMonitor(ReferenceProfile.Fit(reference));
        var batches = new[] { OrderGenerator.Generate(Scenario.Normal, 800, 22), OrderGenerator.Generate(Scenario.FlashSale, 800, 23) };
        return (drift, batches.Select(drift.Check).ToArray(), batches.Select(b => monitor.Check(b, multivariate: false)).ToArray());
    });

    [Fact]
    public void Each_batch_gets_a_model_health_table_with_estimate_band_thresholds_and_alerts()
    {
        var (drift, checks, models) = Fixture.Value;
        var html = HtmlReport.Render(drift.ReferenceOverview, "train.csv", checks, training: null, models);

        for (var b = 0; b < checks.Length; b++)
        {
            var start = html.IndexOf($"id=\"model-health-{b}\"", StringComparison.Ordinal);
            Assert.True(start > 0, $"batch {b} has no model-health table");
            var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
            var accuracy = models[b].Estimated[PerformanceMetric.Accuracy].ToString("F3", CultureInfo.InvariantCulture);
            Assert.Contains($"<td>accuracy</td>", table);
            Assert.Contains($"<td>{accuracy}</td>", table);
            var thresholds = models[b].Thresholds[PerformanceMetric.Accuracy];
            Assert.Contains($"{thresholds.Lower.ToString("F3", CultureInfo.InvariantCulture)}–{thresholds.Upper.ToString("F3", CultureInfo.InvariantCulture)}", table);
            // A row is marked when its metric alerts, and only then.
            Assert.Equal(models[b].Alerts.Select(a => a.Split(' ')[1]).Distinct().Count(), CountOf(table, "sev-severe"));
        }

        Assert.Empty(models[0].Alerts);
        Assert.NotEmpty(models[1].Alerts);
    }

    [Fact]
    public void Without_model_checks_the_panel_is_left_out_and_a_count_mismatch_is_refused()
    {
        var (drift, checks, models) = Fixture.Value;

        Assert.DoesNotContain("Model health", HtmlReport.Render(drift.ReferenceOverview, "train.csv", checks, training: null));
        Assert.Throws<ArgumentException>(() => HtmlReport.Render(drift.ReferenceOverview, "train.csv", checks, training: null, models[..1]));
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
