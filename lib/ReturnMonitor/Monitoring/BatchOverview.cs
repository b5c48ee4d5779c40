using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The headline numbers of the original dashboard for one data set: return rate, average discount, delivery time and
/// rating. A table without one of those columns (another schema) has NaN there, which the renderers show as "–" and
/// <see cref="OverviewDelta"/> leaves out.
/// </summary>
/// <param name="Orders">Number of orders.</param>
/// <param name="ReturnRate">Share returned in [0, 1]; null when unlabelled.</param>
/// <param name="AverageDiscount">Mean discount, percent.</param>
/// <param name="AverageDeliveryDays">Mean delivery time, days.</param>
/// <param name="AverageRating">Mean review rating, stars.</param>
public sealed record BatchOverview(long Orders, double? ReturnRate, double AverageDiscount, double AverageDeliveryDays, double AverageRating)
{
    /// <summary>The overview of a summary.</summary>
    public static BatchOverview Of(DatasetSummary summary) => new(
        summary.Rows,
        summary.ReturnRate,
        Mean(summary, OrderSchema.DiscountPercentage),
        Mean(summary, OrderSchema.DeliveryTimeDays),
        Mean(summary, OrderSchema.ReviewRating));

    private static double Mean(DatasetSummary summary, string feature) =>
        summary.Numeric.TryGetValue(feature, out var distribution) ? distribution.Mean : double.NaN;
}
