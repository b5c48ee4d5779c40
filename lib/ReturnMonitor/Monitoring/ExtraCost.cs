using System.Globalization;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring;

/// <summary>The extra return cost of a batch vs the reference, as the findings cite it.</summary>
/// <param name="Basis">"realized" (labelled batch), "importance-weighted" or "expected" (label-free estimates).</param>
/// <param name="Currency">Money unit of the cost model.</param>
/// <param name="Orders">Orders in the batch.</param>
/// <param name="PerOrder">Extra cost per order (negative: cheaper than the reference), in <paramref name="Currency"/>.</param>
/// <param name="Significant">Whether it exceeds the noise (1.96 standard errors of the batch's expected cost).</param>
public sealed record ExtraCost(string Basis, string Currency, int Orders, double PerOrder, bool Significant)
{
    /// <summary>"this batch's returns are expected to cost EUR 2,247 more than usual per 1,000 orders (EUR 2,247 for its 1000 orders)".</summary>
    public string Sentence
    {
        get
        {
            var verb = Basis switch
            {
                "realized" => "cost",
                "importance-weighted" => "are expected (importance-weighted estimate) to cost",
                _ => "are expected to cost",
            };
            var more = PerOrder >= 0 ? "more" : "less";
            return $"this batch's returns {verb} {Money(1000 * Math.Abs(PerOrder))} {more} than usual per 1,000 orders ({Money(Orders * Math.Abs(PerOrder))} for its {Orders.ToString("N0", CultureInfo.InvariantCulture)} orders)";
        }
    }

    /// <summary>
    /// The best-known extra return cost of the batch vs the reference, per order: realized when the batch is labelled;
    /// else the importance-weighted estimate when the reliability check chose it (the plain estimate misses a shift
    /// into regions where the probabilities are off); else the plain expected cost. Significant when it exceeds 1.96
    /// standard errors of the expected total (for the plain estimate: its 95% band lies above the reference's cost).
    /// </summary>
    /// <param name="money">The batch's money section.</param>
    /// <param name="model">The batch's model check (its reliability assessment chooses the label-free estimate).</param>
    /// <param name="useLabels">Whether a labelled batch's realized cost is used; false for the label-free figure.</param>
    public static ExtraCost Of(BatchMoney money, ModelCheck? model, bool useLabels = true)
    {
        var c = money.ReturnCost;
        var reference = c.ReferencePerOrder * c.Orders;
        var noise = MoneyEstimator.BandZ * c.StandardError;
        if (useLabels && c.RealizedTotal is { } realized)
        {
            return new("realized", c.Currency, c.Orders, realized / c.Orders - c.ReferencePerOrder, realized - reference > noise);
        }

        if (model?.Assessment?.Reliability.Method == EstimateMethod.ImportanceWeighted && c.ImportanceWeightedPerOrder is { } weighted)
        {
            return new("importance-weighted", c.Currency, c.Orders, weighted - c.ReferencePerOrder, (weighted - c.ReferencePerOrder) * c.Orders > noise);
        }

        return new("expected", c.Currency, c.Orders, c.ExtraPerOrder, c.ExtraPerOrder > 0 && c.Lower > reference);
    }

    private string Money(double amount) => NumberText.Money(Currency, amount);
}
