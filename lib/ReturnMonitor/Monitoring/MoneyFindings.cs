using System.Globalization;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The findings of the money and reliability sections, for <see cref="Recommendations"/>: the extra return cost in
/// money when it is clear of the noise, and an unreliable label-free estimate.
/// </summary>
internal static class MoneyFindings
{
    /// <summary>Extra cost share (of the reference's cost per order) from which the return-cost finding is urgent.</summary>
    public const double UrgentExtraShare = 0.20;

    /// <summary>
    /// The best-known extra return cost of the batch vs the reference, per order: realized when the batch is labelled;
    /// else the importance-weighted estimate when the reliability check chose it (the plain estimate misses a shift
    /// into regions where the probabilities are off); else the plain expected cost. Significant when it exceeds 1.96
    /// standard errors of the expected total (for the plain estimate: its 95% band lies above the reference's cost).
    /// </summary>
    public static ExtraCost Extra(BatchMoney money, ModelCheck? model)
    {
        var c = money.ReturnCost;
        var reference = c.ReferencePerOrder * c.Orders;
        var noise = MoneyEstimator.BandZ * c.StandardError;
        if (c.RealizedTotal is { } realized)
        {
            return new ExtraCost("realized", c.Currency, c.Orders, realized / c.Orders - c.ReferencePerOrder, realized - reference > noise);
        }

        if (model?.Assessment?.Reliability.Method == EstimateMethod.ImportanceWeighted && c.ImportanceWeightedPerOrder is { } weighted)
        {
            return new ExtraCost("importance-weighted", c.Currency, c.Orders, weighted - c.ReferencePerOrder, (weighted - c.ReferencePerOrder) * c.Orders > noise);
        }

        return new ExtraCost("expected", c.Currency, c.Orders, c.ExtraPerOrder, c.ExtraPerOrder > 0 && c.Lower > reference);
    }

    /// <summary>"EUR 1,234" (whole units, invariant culture).</summary>
    public static string Money(string currency, double amount) => $"{currency} {amount.ToString("N0", CultureInfo.InvariantCulture)}";

    public static void ReturnCost(BatchMoney? money, ModelCheck? model, List<Finding> findings)
    {
        if (money is null || Extra(money, model) is not { Significant: true } extra)
        {
            return;
        }

        var c = money.ReturnCost;
        var evidence = $"expected return cost {Money(c.Currency, 1000 * c.ExpectedPerOrder)} per 1,000 orders without labels " +
                       $"(95% band {Money(c.Currency, 1000 * c.Lower / c.Orders)}–{Money(c.Currency, 1000 * c.Upper / c.Orders)})";
        if (c.ImportanceWeightedPerOrder is { } weighted)
        {
            evidence += $", importance-weighted {Money(c.Currency, 1000 * weighted)}";
        }

        if (c.RealizedTotal is { } realized)
        {
            evidence += $", realized {Money(c.Currency, 1000 * realized / c.Orders)}";
        }

        evidence += $", vs {Money(c.Currency, 1000 * c.ReferencePerOrder)} on the reference: {extra.Sentence}";
        var actions = new List<string> { $"Tell finance: {extra.Sentence}" };
        if (money.Threshold.SavingPer1000 >= ThresholdAdvice.NegligiblePer1000 && money.Threshold.BatchBestThreshold != money.Threshold.CurrentThreshold)
        {
            actions.Add(char.ToUpperInvariant(money.Threshold.Sentence[0]) + money.Threshold.Sentence[1..]);
        }

        findings.Add(new Finding(
            "Return cost up",
            extra.PerOrder >= UrgentExtraShare * c.ReferencePerOrder ? Urgency.Urgent : Urgency.Monitor,
            evidence,
            actions));
    }

    public static void Unreliable(ModelCheck? model, List<Finding> findings)
    {
        if (model?.Assessment?.Reliability is not { Reliable: false } reliability)
        {
            return;
        }

        findings.Add(new Finding(
            "Label-free estimate unreliable",
            Urgency.Monitor,
            $"the label-free estimate is unreliable here: {reliability.Reason}",
            ["Wait for labels before acting on the estimated performance", "Collect labelled orders from this situation for the next training data"]));
    }
}
