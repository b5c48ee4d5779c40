using System.Globalization;
using ReturnMonitor.Modeling;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>
/// The model-health table of one batch as display rows — one per metric: reference, realized, estimated with its
/// band, and the alert range. The band is the assessed one (label noise, the calibration's spread and its bias) when
/// the check was assessed and CBPE is the reported estimate — the band meant to cover the realized value; otherwise
/// (no assessment, or the importance-weighted estimate was chosen and is shown in the reliability line) CBPE's own
/// sampling band. Shared by the terminal and the dashboard, so both show the same numbers in the same
/// format (formatting only; nothing is recomputed).
/// </summary>
public static class ModelHealthTable
{
    /// <summary>One row per metric, in <see cref="PerformanceMetrics.All"/> order.</summary>
    public static IReadOnlyList<ModelHealthRow> Of(ModelCheck check) => PerformanceMetrics.All.Select(metric =>
    {
        var (lower, upper) = Band(check, metric);
        var thresholds = check.Thresholds[metric];
        return new ModelHealthRow(
            metric.JsonName(),
            NumberText.Fixed(metric.Of(check.Reference), 3),
            check.Realized is { } realized ? NumberText.Fixed(metric.Of(realized), 3) : "–",
            NumberText.Fixed(check.Estimated[metric], 3),
            $"{NumberText.Fixed(lower, 3)}–{NumberText.Fixed(upper, 3)}",
            $"{NumberText.Fixed(thresholds.Lower, 3)}–{NumberText.Fixed(thresholds.Upper, 3)}",
            check.IsAlerting(metric));
    }).ToArray();

    /// <summary>
    /// The band shown next to the CBPE estimate: the assessed band when the check was assessed and CBPE is the reported
    /// estimate, else CBPE's sampling band.
    /// </summary>
    public static (double Lower, double Upper) Band(ModelCheck check, PerformanceMetric metric) =>
        check.Assessment?[metric] is { Method: EstimateMethod.Cbpe } assessed
            ? (assessed.Lower, assessed.Upper)
            : (check.Estimated.Bands[metric].Lower, check.Estimated.Bands[metric].Upper);
}
