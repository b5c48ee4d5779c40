namespace ReturnMonitor.Data.Schema;

/// <summary>
/// The demo shop's table as a <see cref="DatasetSchema"/>: <see cref="OrderSchema"/>'s columns in its order, with their
/// bounds, descriptions and meanings — the same schema as the committed <c>data/schema.json</c> (a test keeps the two
/// byte-equal). Files with the demo's columns are read against it exactly as before the schema existed.
/// </summary>
public static class DemoSchema
{
    /// <summary>The demo's price feature: the money's default for callers that monitor the demo's tables.</summary>
    public const string PriceFeature = OrderSchema.ProductPrice;

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

    /// <summary>Whether <paramref name="features"/> are the demo's nine (names and kinds, in order).</summary>
    public static bool IsDemo(IReadOnlyList<FeatureDefinition> features) =>
        features.Select(f => (f.Name, f.Kind)).SequenceEqual(OrderSchema.Features.Select(f => (f.Name, f.Kind)));

    /// <summary>
    /// A schema for a table whose meanings are not known: the demo's when its features are the demo's, else its features
    /// without meanings and a target <c>returned</c> (positive <c>1</c>) — the findings then name drifting features
    /// and the money uses a flat cost per return.
    /// </summary>
    public static DatasetSchema For(OrderTable table) => IsDemo(table.Features)
        ? Schema
        : new DatasetSchema(table.Features
            .Select(f => new SchemaColumn(f.Name, f.Kind == FeatureKind.Numeric ? ColumnRole.Numeric : ColumnRole.Categorical)
            {
                Description = f.Description.Length > 0 ? f.Description : null,
                Minimum = f.Minimum,
                Maximum = f.Maximum,
            })
            .Concat(table.HasTarget && table.Features.All(f => f.Name != OrderSchema.Target) ? [new SchemaColumn(OrderSchema.Target, ColumnRole.Target) { Positive = "1" }] : []));

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
