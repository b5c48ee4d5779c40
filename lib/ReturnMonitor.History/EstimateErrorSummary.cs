using System.Text.Json.Nodes;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>
/// How good the label-free estimate was on this history's own data, once labels are in: per metric, over the periods
/// that have both the estimate made when the period was checked and a realized value, the mean error
/// (estimated − realized), the mean absolute error, and the share of periods whose 95% sampling band held the realized
/// value (about 95% is what a well-calibrated estimate gives; much less means the estimate cannot be trusted on this model).
/// </summary>
public static class EstimateErrorSummary
{
    /// <summary>One entry per metric in <see cref="PerformanceMetrics.All"/> order (metrics no period has are left out).</summary>
    public static IReadOnlyList<EstimateError> Of(IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return PerformanceMetrics.All.Select(m => m.JsonName())
            .Where(name => history.Any(e => e.Record.Metric(name) is not null))
            .Select(name =>
            {
                var pairs = history.Select(e => e.Record.Metric(name)).OfType<HistoryMetric>()
                    .Where(m => m.Realized is { } r && double.IsFinite(r) && double.IsFinite(m.Estimated)).ToArray();
                var errors = pairs.Select(m => m.Estimated - m.Realized!.Value).ToArray();
                return new EstimateError(
                    name,
                    pairs.Length,
                    errors.Length == 0 ? double.NaN : errors.Average(),
                    errors.Length == 0 ? double.NaN : errors.Average(Math.Abs),
                    pairs.Count(m => m.Realized >= m.BandLower && m.Realized <= m.BandUpper));
            })
            .ToArray();
    }

    /// <summary>The summary as JSON: <c>[{metric, periods, meanError, meanAbsoluteError, bandHeld, bandHeldShare}]</c> (null for a value without periods).</summary>
    public static JsonArray Json(IReadOnlyList<EstimateError> summary) => new(summary.Select(e => (JsonNode?)new JsonObject
    {
        ["metric"] = e.Metric,
        ["periods"] = e.Periods,
        ["meanError"] = Number(e.MeanError),
        ["meanAbsoluteError"] = Number(e.MeanAbsoluteError),
        ["bandHeld"] = e.BandHeld,
        ["bandHeldShare"] = Number(e.BandHeldShare),
    }).ToArray());

    /// <summary>One line per metric: "accuracy: 10 labelled period(s), mean error +0.0040, mean |error| 0.0120, band held 9/10 (90.0%)".</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<EstimateError> summary) => summary.Select(e => e.Periods == 0
        ? $"{e.Metric}: no labelled period yet"
        : $"{e.Metric}: {e.Periods} labelled period(s), mean error (estimated − realized) {e.MeanError.ToString("+0.0000;-0.0000;0.0000", System.Globalization.CultureInfo.InvariantCulture)}, " +
          $"mean |error| {ReturnMonitor.Text.NumberText.Fixed(e.MeanAbsoluteError, 4)}, band held {e.BandHeld}/{e.Periods} ({ReturnMonitor.Text.NumberText.Percent(e.BandHeldShare)})").ToArray();

    private static double? Number(double value) => double.IsFinite(value) ? value : null;
}
