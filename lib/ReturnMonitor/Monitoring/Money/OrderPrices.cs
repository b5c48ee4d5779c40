using ReturnMonitor.Data;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The price each order's return cost is computed from (<see cref="CostModel.ReturnCost"/>): the feature whose schema
/// meaning is <c>price</c>, or 0 for every order when the table has none — then a return costs the cost file's flat
/// handling + shipping, and the price-lost share has nothing to apply to.
/// </summary>
public static class OrderPrices
{
    /// <summary>The prices of <paramref name="table"/>'s orders from numeric feature <paramref name="priceFeature"/>; zeros when it is null.</summary>
    /// <exception cref="ArgumentException">The table has no numeric feature of that name.</exception>
    public static double[] Of(OrderTable table, string? priceFeature)
    {
        if (priceFeature is null)
        {
            return new double[table.Count];
        }

        if (!table.NumericFeatures.Any(f => f.Name == priceFeature))
        {
            throw new ArgumentException($"{table.Source} has no numeric feature '{priceFeature}' to take the price from", nameof(priceFeature));
        }

        // A missing price costs as a flat return: the price-lost share cannot apply to a price nobody knows.
        return [.. table.Numeric(priceFeature).ToArray().Select(p => double.IsNaN(p) ? 0 : p)];
    }
}
