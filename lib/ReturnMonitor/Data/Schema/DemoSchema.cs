namespace ReturnMonitor.Data.Schema;

/// <summary>
/// The demo shop's table as a <see cref="DatasetSchema"/>: <see cref="OrderSchema"/>'s columns in its order, with their
/// bounds, descriptions and meanings — the same schema as the committed <c>data/schema.json</c> (a test keeps the two
/// byte-equal). Files with the demo's columns are read against it exactly as before the schema existed.
/// </summary>
public static class DemoSchema
{
    private static readonly Dictionary<string, ColumnMeaning> Meanings = new(StringComparer.Ordinal)
    {
        [OrderSchema.ProductPrice] = ColumnMeaning.Price,
        [OrderSchema.CustomerPurchaseHistory] = ColumnMeaning.PurchaseHistory,
        [OrderSchema.ReviewRating] = ColumnMeaning.Rating,
        [OrderSchema.DeliveryTimeDays] = ColumnMeaning.DeliveryDays,
        [OrderSchema.DiscountPercentage] = ColumnMeaning.DiscountPercent,
        [OrderSchema.PreviousReturns] = ColumnMeaning.PreviousReturns,
        [OrderSchema.ProductCategory] = ColumnMeaning.Category,
        [OrderSchema.SizeOrdered] = ColumnMeaning.Size,
    };

    /// <summary>The demo's schema.</summary>
    public static DatasetSchema Schema { get; } = new(OrderSchema.ColumnOrder.Select(Column));

    /// <summary>Whether a file's header holds every column of the demo's table (its target aside), so that it is read as the demo's.</summary>
    public static bool Fits(IEnumerable<string> header)
    {
        var names = header.ToHashSet(StringComparer.Ordinal);
        return OrderSchema.Features.All(f => names.Contains(f.Name));
    }

    private static SchemaColumn Column(string name)
    {
        if (name == OrderSchema.Target)
        {
            return new SchemaColumn(name, ColumnRole.Target) { Description = "1 when the order was returned, 0 otherwise", Positive = "1" };
        }

        var feature = OrderSchema.Feature(name);
        return new SchemaColumn(name, feature.Kind == FeatureKind.Numeric ? ColumnRole.Numeric : ColumnRole.Categorical)
        {
            Meaning = Meanings.TryGetValue(name, out var meaning) ? meaning : null,
            Description = feature.Description,
            Minimum = feature.Minimum,
            Maximum = feature.Maximum,
        };
    }
}
