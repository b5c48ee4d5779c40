using System.Globalization;
using Plotly.NET;
using ReturnMonitor.Modeling;
using ReturnMonitor.Text;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReturnMonitor.Reporting;

/// <summary>Charts of the return model (Plotly.NET). They only draw the result records they are given.</summary>
public static class ModelCharts
{
    /// <summary>The ROC curve with the chance diagonal; the title carries the AUC.</summary>
    public static GenericChart Roc(RocCurve curve, double rocAuc)
    {
        var model = CSharpChart.Line<double, double, string>(
            x: curve.FalsePositiveRate, y: curve.TruePositiveRate, Name: "random forest", LineColor: Color.fromString("#1f77b4"));
        return CSharpChart.Combine([model, Diagonal("chance")])
            .Titled($"ROC curve — AUC {NumberText.Fixed(rocAuc, 3)}")
            .Axes("false-positive rate (kept orders flagged)", "true-positive rate (returns caught)")
            .Sized(560, 480);
    }

    /// <summary>The confusion matrix as an annotated 2×2 heat map (rows: actual, columns: predicted).</summary>
    public static GenericChart ConfusionMatrix(ConfusionMatrix matrix)
    {
        string[] predicted = ["predicted kept", "predicted returned"];
        string[] actual = ["kept", "returned"];
        long[][] counts = [[matrix.TrueNegatives, matrix.FalsePositives], [matrix.FalseNegatives, matrix.TruePositives]];
        string[][] labels = [["TN", "FP"], ["FN", "TP"]];
        var heatmap = CSharpChart.Heatmap<long, string, string, string>(
            zData: counts, X: predicted, Y: actual, ShowScale: false, ColorScale: StyleParam.Colorscale.Greys, ReverseScale: true);
        var notes = from row in Enumerable.Range(0, 2)
                    from column in Enumerable.Range(0, 2)
                    select ((object)predicted[column], (object)actual[row], $"{labels[row][column]} {counts[row][column]}");
        return heatmap.Annotated(notes).Titled("Confusion matrix (threshold 0.5)").Axes(null, "actual").Sized(520, 420);
    }

    /// <summary>Permutation importances as horizontal bars, most important on top.</summary>
    public static GenericChart Importance(IReadOnlyList<FeatureImportance> importance)
    {
        var ordered = importance.OrderBy(f => f.RocAucDrop).ThenByDescending(f => f.Feature, StringComparer.Ordinal).ToArray();
        var bars = CSharpChart.Bar<double, string, string>(
            values: ordered.Select(f => f.RocAucDrop).ToArray(), Keys: ordered.Select(f => f.Feature).ToArray(), MarkerColor: Color.fromString("#1f77b4"));
        return bars.Titled("Permutation importance").Axes("drop of test ROC-AUC when the feature is shuffled", null).Sized(760, 420);
    }

    /// <summary>Several ROC curves on one chart (e.g. the model on each batch), each named with its AUC.</summary>
    public static GenericChart RocComparison(IReadOnlyList<(string Name, RocCurve Curve, double RocAuc)> curves)
    {
        var lines = curves.Select(c => CSharpChart.Line<double, double, string>(
            x: c.Curve.FalsePositiveRate, y: c.Curve.TruePositiveRate,
            Name: $"{c.Name} (AUC {NumberText.Fixed(c.RocAuc, 3)})")).ToList();
        lines.Add(Diagonal("chance"));
        return CSharpChart.Combine(lines)
            .Titled("ROC curves per batch")
            .Axes("false-positive rate", "true-positive rate")
            .Sized(720, 480);
    }

    /// <summary>The dashed grey diagonal from (0, 0) to (1, 1): chance on a ROC chart, perfect calibration on a reliability chart.</summary>
    internal static GenericChart Diagonal(string name) => CSharpChart.Line<double, double, string>(
        x: [0.0, 1.0], y: [0.0, 1.0], Name: name, LineColor: Color.fromString("#999999"), LineDash: StyleParam.DrawingStyle.Dash);
}
