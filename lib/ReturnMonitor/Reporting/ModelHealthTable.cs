using System.Globalization;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Reporting;

/// <summary>
/// The model-health table of one batch as display rows — one per metric: reference, realized, estimated with its
/// band, and the alert range. Shared by the terminal and the dashboard, so both show the same numbers in the same
/// format (formatting only; nothing is recomputed).
/// </summary>
public static class ModelHealthTable
{
    /// <summary>One row per metric, in <see cref="PerformanceMetrics.All"/> order.</summary>
    public static IReadOnlyList<ModelHealthRow> Of(ModelCheck check) => PerformanceMetrics.All.Select(metric =>
    {
        var band = check.Estimated.Bands[metric];
        var thresholds = check.Thresholds[metric];
        return new ModelHealthRow(
            metric.JsonName(),
            Fixed(metric.Of(check.Reference)),
            check.Realized is { } realized ? Fixed(metric.Of(realized)) : "–",
            Fixed(check.Estimated[metric]),
            $"{Fixed(band.Lower)}–{Fixed(band.Upper)}",
            $"{Fixed(thresholds.Lower)}–{Fixed(thresholds.Upper)}",
            check.IsAlerting(metric));
    }).ToArray();

    private static string Fixed(double value) =>
        double.IsFinite(value) ? value.ToString("F3", CultureInfo.InvariantCulture) : "–";
}
