namespace ReturnMonitor.Monitoring;

/// <summary>One headline metric of a batch against the reference, with the direction that is good for the shop.</summary>
/// <param name="Metric">What is measured, with its unit.</param>
/// <param name="Reference">Value in the reference (training) data.</param>
/// <param name="Current">Value in the batch.</param>
/// <param name="Change">Current − reference, in the metric's unit.</param>
/// <param name="Verdict">"better", "worse" or "same" (within 1% of the reference), from the shop's point of view.</param>
public sealed record OverviewDelta(string Metric, double Reference, double Current, double Change, string Verdict)
{
    /// <summary>
    /// The four dashboard metrics: return rate (higher is worse), average discount (higher is worse: margin and impulse
    /// buying), average delivery time (longer is worse), average rating (higher is better). The return rate is omitted
    /// when either side is unlabelled.
    /// </summary>
    public static IReadOnlyList<OverviewDelta> Compare(BatchOverview reference, BatchOverview current)
    {
        var rows = new List<OverviewDelta>();
        if (reference.ReturnRate is { } r && current.ReturnRate is { } c)
        {
            rows.Add(Row("return rate, %", 100 * r, 100 * c, higherIsBetter: false));
        }

        rows.Add(Row("average discount, %", reference.AverageDiscount, current.AverageDiscount, higherIsBetter: false));
        rows.Add(Row("average delivery time, days", reference.AverageDeliveryDays, current.AverageDeliveryDays, higherIsBetter: false));
        rows.Add(Row("average rating, stars", reference.AverageRating, current.AverageRating, higherIsBetter: true));
        // A table without the column (another schema) has no such metric.
        return rows.Where(d => double.IsFinite(d.Reference) && double.IsFinite(d.Current)).ToList();
    }

    private static OverviewDelta Row(string metric, double reference, double current, bool higherIsBetter)
    {
        var change = current - reference;
        var verdict = Math.Abs(change) <= 0.01 * Math.Abs(reference) ? "same" : (change > 0) == higherIsBetter ? "better" : "worse";
        return new OverviewDelta(metric, Math.Round(reference, 2), Math.Round(current, 2), Math.Round(change, 2), verdict);
    }
}
