using System.Text.Json.Nodes;
using Plotly.NET;
using ReturnMonitor.Modeling;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Charts;

public class ModelChartsTests
{
    private static JsonNode Spec(GenericChart chart) => JsonNode.Parse(GenericChart.toJson(chart))!;

    [Fact]
    public void Roc_chart_draws_the_curve_points_and_names_the_auc()
    {
        var curve = RocCurve.Compute([false, true, false, true], [0.1, 0.9, 0.4, 0.35]);
        var spec = Spec(ModelCharts.Roc(curve, 0.75));

        Assert.Equal(curve.FalsePositiveRate, spec["data"]![0]!["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(curve.TruePositiveRate, spec["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
        Assert.Contains("AUC 0.750", spec["layout"]!["title"]!.ToJsonString());
    }

    [Fact]
    public void Confusion_matrix_chart_labels_every_cell_with_its_count()
    {
        var spec = Spec(ModelCharts.ConfusionMatrix(new ConfusionMatrix(811, 14, 76, 99)));

        var notes = spec["layout"]!["annotations"]!.AsArray().Select(a => (string)a!["text"]!).ToArray();
        Assert.Equal(["TN 811", "FP 14", "FN 76", "TP 99"], notes);
    }

    [Fact]
    public void Importance_chart_puts_the_most_important_feature_on_top()
    {
        var spec = Spec(ModelCharts.Importance([new("a", 0.01, 0), new("b", 0.2, 0), new("c", 0.05, 0)]));

        // Horizontal bars are drawn bottom-up: the last category is the top bar.
        Assert.Equal(["a", "c", "b"], spec["data"]![0]!["y"]!.AsArray().Select(v => (string)v!));
    }
}
