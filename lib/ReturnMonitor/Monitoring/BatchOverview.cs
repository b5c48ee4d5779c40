using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The headline numbers of the original dashboard for one data set: return rate, average discount, delivery time and
/// rating — the means of the features with the meanings <c>discount_percent</c>, <c>delivery_days</c> and <c>rating</c>;
/// NaN for a meaning the table does not have.
/// </summary>
/// <param name="Orders">Number of orders.</param>
/// <param name="ReturnRate">Share returned in [0, 1]; null when unlabelled.</param>
/// <param name="AverageDiscount">Mean discount, percent.</param>
/// <param name="AverageDeliveryDays">Mean delivery time, days.</param>
/// <param name="AverageRating">Mean review rating, stars.</param>
public sealed record BatchOverview(long Orders, double? ReturnRate, double AverageDiscount, double AverageDeliveryDays, double AverageRating)
{
    /// <summary>The overview of a summary of a table read against <paramref name="schema"/> (null: the demo's).</summary>
    public static BatchOverview Of(DatasetSummary summary, DatasetSchema? schema = null)
    {
        schema ??= DemoSchema.Schema;
        return new(summary.Rows, summary.ReturnRate, Mean(ColumnMeaning.DiscountPercent), Mean(ColumnMeaning.DeliveryDays), Mean(ColumnMeaning.Rating));

        double Mean(ColumnMeaning meaning) =>
            schema.WithMeaning(meaning) is { } column && summary.Numeric.TryGetValue(column.Name, out var distribution) ? distribution.Mean : double.NaN;
    }
}
