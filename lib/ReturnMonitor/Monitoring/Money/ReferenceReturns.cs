using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// What the money needs of the whole labelled reference (the training file), kept in <c>monitoring.json</c>: its orders,
/// its returns and the summed price of the returned ones. Because a return's cost is linear in the price
/// (<see cref="CostModel.ReturnCost"/>), these three numbers give the full reference's realized cost per order under any
/// cost file — so a batch is compared with the whole reference, not with the 5,000-order sample and its sampling error.
/// </summary>
/// <param name="Orders">Orders in the reference, ≥ 1.</param>
/// <param name="Returned">Returned orders among them.</param>
/// <param name="ReturnedPriceSum">Σ price over the returned orders.</param>
public sealed record ReferenceReturns(long Orders, long Returned, double ReturnedPriceSum)
{
    /// <summary>The counts of a labelled table.</summary>
    /// <exception cref="ArgumentException">The table is unlabelled or empty.</exception>
    /// <param name="labelled">The labelled reference.</param>
    /// <param name="priceFeature">The feature with the meaning <c>price</c>, or null for a flat cost (the price sum is then 0).</param>
    public static ReferenceReturns Of(OrderTable labelled, string? priceFeature = DemoSchema.PriceFeature)
    {
        if (!labelled.HasTarget || labelled.Count == 0)
        {
            throw new ArgumentException($"{labelled.Source}: the reference return cost needs labelled orders");
        }

        var prices = OrderPrices.Of(labelled, priceFeature);
        var returned = labelled.Returned;
        long count = 0;
        double sum = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            if (returned[i])
            {
                count++;
                sum += prices[i];
            }
        }

        return new ReferenceReturns(labelled.Count, count, sum);
    }

    /// <summary>Realized return cost per reference order: (returned · (handling + shipping) + lost share · Σ price) / orders.</summary>
    public double CostPerOrder(CostModel costs) =>
        ((Returned * (costs.ReturnHandling + costs.ReturnShipping)) + (costs.PriceLostShare * ReturnedPriceSum)) / Orders;
}
