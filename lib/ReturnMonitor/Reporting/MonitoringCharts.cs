using System.Globalization;
using Plotly.NET;
using ReturnMonitor.Data;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Text;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReturnMonitor.Reporting;

/// <summary>
/// Charts of model-aware monitoring and of the evaluation harness (Plotly.NET): calibration, estimated vs realized
/// performance, joint shifts and alarm rates. Like the other chart classes they only draw the records they are given.
/// </summary>
public static class MonitoringCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

    /// <summary>
    /// Reliability diagram: per probability bin, the mean predicted probability (x) against the observed return rate
    /// (y); a calibrated model lies on the diagonal. Each curve is named with its expected calibration error.
    /// </summary>
    public static GenericChart Reliability(IReadOnlyList<(string Name, ReliabilityCurve Curve)> curves)
    {
        var lines = curves.Select((c, i) =>
        {
            var bins = c.Curve.Bins.Where(b => b.Count > 0).ToArray();
            return CSharpChart.Line<double, double, string>(
                x: bins.Select(b => b.MeanPredicted), y: bins.Select(b => b.ObservedRate), ShowMarkers: true,
                Name: $"{c.Name} (ECE {NumberText.Fixed(c.Curve.ExpectedCalibrationError, 3)})", LineColor: Color.fromString(Palette[i % Palette.Length]));
        }).ToList();
        lines.Add(ModelCharts.Diagonal("perfectly calibrated"));
        return CSharpChart.Combine(lines)
            .Titled("Reliability: predicted probability vs observed return rate")
            .Axes("mean predicted probability in the bin", "observed return rate in the bin")
            .Sized(720, 480);
    }

    /// <summary>
    /// One metric over a sequence of batches: the CBPE estimate with its sampling band (shaded), the realized value
    /// where the batch is labelled, and the alert thresholds (dashed; taken from the first batch, so the batches
    /// should have one size).
    /// </summary>
    /// <exception cref="ArgumentException">No batches.</exception>
    public static GenericChart PerformanceTimeline(IReadOnlyList<(string Label, ModelCheck Check)> batches, PerformanceMetric metric)
    {
        if (batches.Count == 0)
        {
            throw new ArgumentException("a timeline needs at least one batch", nameof(batches));
        }

        var labels = batches.Select(b => b.Label).ToArray();
        var bands = batches.Select(b => b.Check.Estimated.Bands[metric]).ToArray();
        var name = metric.JsonName();
        var band = CSharpChart.Line<string, double, string>(
            x: labels.Concat(labels.Reverse()), y: bands.Select(b => b.Lower).Concat(bands.Select(b => b.Upper).Reverse()),
            Name: "estimate's 95% sampling band", LineColor: Color.fromString("rgba(31,119,180,0)"),
            Fill: StyleParam.Fill.ToSelf, FillColor: Color.fromString("rgba(31,119,180,0.2)"));
        var estimated = CSharpChart.Line<string, double, string>(
            x: labels, y: batches.Select(b => b.Check.Estimated[metric]), ShowMarkers: true,
            Name: $"estimated {name} (no labels)", LineColor: Color.fromString("#1f77b4"));
        var traces = new List<GenericChart> { band, estimated };
        var labelled = batches.Where(b => b.Check.Realized is not null).ToArray();
        if (labelled.Length > 0)
        {
            traces.Add(CSharpChart.Line<string, double, string>(
                x: labelled.Select(b => b.Label), y: labelled.Select(b => metric.Of(b.Check.Realized!)), ShowMarkers: true,
                Name: $"realized {name} (labels)", LineColor: Color.fromString("#d62728")));
        }

        var thresholds = batches[0].Check.Thresholds[metric];
        return CSharpChart.Combine(traces)
            .WithReferenceLines([(thresholds.Lower, "#7f7f7f"), (thresholds.Upper, "#7f7f7f")], horizontal: true)
            .Titled($"{name}: estimated vs realized, alert thresholds {NumberText.Fixed(thresholds.Lower, 3)}–{NumberText.Fixed(thresholds.Upper, 3)} (dashed)")
            .Axes("batch", name)
            .Sized(860, 460);
    }

    /// <summary>
    /// How two features go together: the mean of <paramref name="meanOf"/> for each value of
    /// <paramref name="byFeature"/>, in the reference and in the batch (values with fewer than
    /// <paramref name="minimumOrders"/> orders on a side are left out of that side). A joint shift shows as lines that
    /// part although each feature's own distribution is unchanged.
    /// </summary>
    public static GenericChart ConditionalMeans(OrderTable reference, OrderTable current, string byFeature, string meanOf, int minimumOrders = 20)
    {
        GenericChart Side(OrderTable table, string name, string color)
        {
            var by = table.Numeric(byFeature).ToArray();
            var of = table.Numeric(meanOf).ToArray();
            var groups = by.Zip(of).GroupBy(p => p.First).Where(g => g.Count() >= minimumOrders).OrderBy(g => g.Key).ToArray();
            return CSharpChart.Line<double, double, string>(
                x: groups.Select(g => g.Key), y: groups.Select(g => g.Average(p => p.Second)), ShowMarkers: true,
                Name: name, LineColor: Color.fromString(color));
        }

        return CSharpChart.Combine([Side(reference, "reference", "#1f77b4"), Side(current, "batch", "#d62728")])
            .Titled($"Mean {meanOf} by {byFeature}")
            .Axes(byFeature, $"mean {meanOf}")
            .Sized(720, 440);
    }

    /// <summary>
    /// Share of simulated batches that raised the batch alarm, per case, against the batch size (log scale): on the
    /// null case it is the false-positive rate (the dashed line marks the 5% target), on drifted cases the detection
    /// rate.
    /// </summary>
    public static GenericChart AlarmRates(IReadOnlyList<BatchAlarmRate> rates)
    {
        var lines = rates.GroupBy(r => r.Scenario).Select((g, i) => CSharpChart.Line<int, double, string>(
            x: g.Select(r => r.Size), y: g.Select(r => r.Alarms.Rate), ShowMarkers: true,
            Name: g.First().IsNull ? $"{g.Key} (false positives)" : g.Key,
            LineColor: Color.fromString(Palette[i % Palette.Length]))).ToArray();
        var chart = CSharpChart.Combine(lines)
            .WithReferenceLines([(Evaluator.MaxFalsePositiveRate, "#7f7f7f")], horizontal: true)
            .Titled("Batch alarm rate by batch size")
            .Axes("orders per batch", "share of batches alarmed");
        return Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, AxisType: StyleParam.AxisType.Log)
            .Sized(760, 460);
    }

}
