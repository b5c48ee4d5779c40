using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The demo shop's schema as a <see cref="DatasetSchema"/> (the same roles, bounds and meanings as the committed
/// <c>data/schema.json</c>): what a model folder written before <c>schema.json</c> existed is read against, and the
/// meanings the money and the findings use for the demo's tables. The one place in the monitoring layer that names
/// demo columns, on purpose.
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

    /// <summary>The demo's columns in file order (<see cref="OrderSchema.ColumnOrder"/>): the nine features with their meanings and the target (positive <c>1</c>).</summary>
    public static DatasetSchema Schema { get; } = new(OrderSchema.ColumnOrder.Select(name => name == OrderSchema.Target
        ? new SchemaColumn(name, ColumnRole.Target) { Description = "1 when the order was returned, 0 otherwise", Positive = "1" }
        : Column(OrderSchema.Feature(name))));

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

    private static SchemaColumn Column(FeatureDefinition f) =>
        new(f.Name, f.Kind == FeatureKind.Numeric ? ColumnRole.Numeric : ColumnRole.Categorical)
        {
            Meaning = Meanings.TryGetValue(f.Name, out var meaning) ? meaning : null,
            Description = f.Description,
            Minimum = f.Minimum,
            Maximum = f.Maximum,
        };
}
