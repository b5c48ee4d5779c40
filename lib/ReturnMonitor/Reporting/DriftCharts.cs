using System.Globalization;
using Plotly.NET;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Text;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReturnMonitor.Reporting;

/// <summary>
/// The drift charts shared by the notebooks and the HTML report (Plotly.NET). They draw result records
/// (<see cref="DriftReport"/>, <see cref="FeatureDrift"/>, <see cref="BatchCheck"/>) and never recompute statistics.
/// </summary>
public static class DriftCharts
{
    /// <summary>Colour of reference (training) data.</summary>
    public const string ReferenceColor = "#1f77b4";

    /// <summary>Colour of the current batch.</summary>
    public const string CurrentColor = "#ff7f0e";

    private static readonly Dictionary<DriftSeverity, string> SeverityColor = new()
    {
        [DriftSeverity.None] = "#2ca02c",
        [DriftSeverity.Moderate] = "#ffbf00",
        [DriftSeverity.Severe] = "#d62728",
    };

    /// <summary>PSI per feature, coloured by severity, with dashed lines at the moderate (0.1) and severe (0.2) thresholds.</summary>
    public static GenericChart PsiBars(DriftReport report)
    {
        var bars = CSharpChart.Column<double, string, string>(
            values: report.Features.Select(f => f.Psi).ToArray(),
            Keys: report.Features.Select(f => f.Name).ToArray(),
            MarkerColor: Color.fromColors(report.Features.Select(f => Color.fromString(SeverityColor[f.Severity]))),
            MultiText: report.Features.Select(f => DriftJson.Name(f.Severity)).ToArray());
        return bars
            .WithReferenceLines([(report.Options.ModeratePsi, "#ffbf00"), (report.Options.SeverePsi, "#d62728")], horizontal: true)
            .Titled($"PSI per feature — {Path.GetFileName(report.Current)}")
            .Axes(null, "PSI (dashed: 0.1 moderate, 0.2 severe)")
            .Sized(820, 440);
    }

    /// <summary>Relative change of each numeric feature's mean, in percent (features whose reference mean is 0 are omitted).</summary>
    public static GenericChart MeanShiftBars(DriftReport report)
    {
        var numeric = report.Features.Where(f => f.Kind == FeatureKind.Numeric && f.MeanShiftPercent is not null).ToArray();
        var bars = CSharpChart.Column<double, string, string>(
            values: numeric.Select(f => f.MeanShiftPercent!.Value).ToArray(),
            Keys: numeric.Select(f => f.Name).ToArray(),
            MarkerColor: Color.fromColors(numeric.Select(f => Color.fromString(f.MeanShiftPercent >= 0 ? "#d62728" : ReferenceColor))));
        return bars.Titled($"Mean shift of numeric features — {Path.GetFileName(report.Current)}").Axes(null, "change of the mean, %").Sized(820, 440);
    }

    /// <summary>Reference and current shares of one feature over common bins (grouped bars).</summary>
    public static GenericChart Distribution(FeatureDrift feature)
    {
        var d = feature.Distribution;
        var reference = CSharpChart.Column<double, string, string>(
            values: d.Reference.ToArray(), Keys: d.Labels.ToArray(), Name: "reference (training)", MarkerColor: Color.fromString(ReferenceColor));
        var current = CSharpChart.Column<double, string, string>(
            values: d.Current.ToArray(), Keys: d.Labels.ToArray(), Name: "current batch", MarkerColor: Color.fromString(CurrentColor));
        var psi = NumberText.Fixed(feature.Psi, 3);
        return CSharpChart.Combine([reference, current])
            .Titled($"{feature.Name}: reference vs batch (PSI {psi}, {DriftJson.Name(feature.Severity)})")
            .Axes(feature.Name, "share of orders")
            .Sized(820, 420);
    }

    /// <summary>Drift score and return rate of several batches side by side.</summary>
    public static GenericChart BatchOverview(IReadOnlyList<BatchCheck> checks)
    {
        var names = checks.Select(c => Path.GetFileNameWithoutExtension(c.Name)).ToArray();
        var scores = CSharpChart.Column<double, string, string>(
            values: checks.Select(c => c.Drift.Score).ToArray(), Keys: names, Name: "drift score (0–100)", MarkerColor: Color.fromString("#7f7f7f"));
        var returns = CSharpChart.Column<double, string, string>(
            values: checks.Select(c => 100 * (c.Overview.ReturnRate ?? double.NaN)).ToArray(), Keys: names, Name: "return rate, %", MarkerColor: Color.fromString(CurrentColor));
        return CSharpChart.Combine([scores, returns])
            .WithReferenceLines([(checks.Count > 0 ? checks[0].Drift.Options.CriticalScore : 20, "#d62728")], horizontal: true)
            .Titled("Batches at a glance (dashed: critical drift score)")
            .Sized(820, 420);
    }
}
