namespace ReturnMonitor.Data;

/// <summary>Collects orders row by row into the column arrays of an <see cref="OrderTable"/>.</summary>
public sealed class OrderTableBuilder
{
    private readonly List<double>[] numeric;
    private readonly List<string>[] categorical;
    private readonly List<bool> returned;
    private bool allLabelled = true;

    public OrderTableBuilder(int capacity = 0)
    {
        numeric = OrderSchema.NumericFeatures.Select(_ => new List<double>(capacity)).ToArray();
        categorical = OrderSchema.CategoricalFeatures.Select(_ => new List<string>(capacity)).ToArray();
        returned = new List<bool>(capacity);
    }

    /// <summary>Number of rows added so far.</summary>
    public int Count => returned.Count;

    /// <summary>Adds one order.</summary>
    public void Add(Order order)
    {
        numeric[0].Add(order.ProductPrice);
        numeric[1].Add(order.CustomerPurchaseHistory);
        numeric[2].Add(order.ReviewRating);
        numeric[3].Add(order.DeliveryTimeDays);
        numeric[4].Add(order.DiscountPercentage);
        numeric[5].Add(order.PreviousReturns);
        numeric[6].Add(order.DaysSincePurchase);
        categorical[0].Add(order.ProductCategory);
        categorical[1].Add(order.SizeOrdered);
        returned.Add(order.Returned ?? false);
        allLabelled &= order.Returned.HasValue;
    }

    /// <summary>The table of all rows added; it has the target only if every row had one.</summary>
    public OrderTable Build(string source) => FromColumns(source, ReadPlan.Demo, numeric, categorical, allLabelled ? returned.ToArray() : null);

    /// <summary>A table from column lists in the plan's order (<see cref="ReadPlan.NumericFeatures"/>, <see cref="ReadPlan.CategoricalFeatures"/>).</summary>
    internal static OrderTable FromColumns(string source, ReadPlan plan, List<double>[] numeric, List<string>[] categorical, bool[]? returned)
    {
        var num = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < numeric.Length; i++)
        {
            num[plan.NumericFeatures[i].Name] = numeric[i].ToArray();
        }

        var cat = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < categorical.Length; i++)
        {
            cat[plan.CategoricalFeatures[i].Name] = categorical[i].ToArray();
        }

        return new OrderTable(source, plan.Features, num, cat, returned);
    }
}
