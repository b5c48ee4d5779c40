using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The findings of the money and reliability sections, for <see cref="Recommendations"/>: the extra return cost in
/// money when it is clear of the noise, and an unreliable label-free estimate.
/// </summary>
internal static class MoneyFindings
{
    /// <summary>Extra cost share (of the reference's cost per order) from which the return-cost finding is urgent.</summary>
    public const double UrgentExtraShare = 0.20;

    /// <summary>The best-known extra return cost (see <see cref="ExtraCost.Of"/>).</summary>
    public static ExtraCost Extra(BatchMoney money, ModelCheck? model) => ExtraCost.Of(money, model);

    /// <summary>"EUR 1,234" (whole units, invariant culture), "1,234" without a currency (<see cref="NumberText.Money"/>).</summary>
    public static string Money(string currency, double amount) => NumberText.Money(currency, amount);

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
        // No threshold advice on a model that is no use (ModelCheck.Warnings): moving its threshold cannot help.
        if (model is not { Warnings.Count: > 0 } && money.Threshold.SavingPer1000 >= ThresholdAdvice.NegligiblePer1000 && money.Threshold.BatchBestThreshold != money.Threshold.CurrentThreshold)
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
