using Microsoft.ML;
using Microsoft.ML.Data;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The ML.NET column names of a model's features. A feature of the demo's nine keeps the name the fixed
/// <c>ModelInput</c> class gave it (<c>ProductPrice</c>, <c>CategoryOneHot</c>, …) so that model folders written before
/// any schema existed still load and score; every other feature is <c>x:</c> + its name (input), <c>m:</c> + its name
/// (missing indicator) and <c>h:</c> + its name (one-hot). The prefixes keep a user's column called <c>Label</c> or
/// <c>Features</c> from colliding with ML.NET's own columns, and make the names reversible: a loaded model's input
/// schema tells which features it reads.
/// </summary>
internal static class ModelColumns
{
    /// <summary>The label column every trainer reads.</summary>
    public const string Label = "Label";

    /// <summary>The concatenated feature vector every trainer reads.</summary>
    public const string Features = "Features";

    private const string InputPrefix = "x:";
    private const string IndicatorPrefix = "m:";
    private const string OneHotPrefix = "h:";

    // The demo's names from before the schema (ModelInput's properties and the one-hot outputs): feature → (input, one-hot).
    private static readonly Dictionary<string, (FeatureKind Kind, string Input, string? OneHot)> Legacy = new(StringComparer.Ordinal)
    {
        [OrderSchema.ProductPrice] = (FeatureKind.Numeric, "ProductPrice", null),
        [OrderSchema.CustomerPurchaseHistory] = (FeatureKind.Numeric, "CustomerPurchaseHistory", null),
        [OrderSchema.ReviewRating] = (FeatureKind.Numeric, "ReviewRating", null),
        [OrderSchema.DeliveryTimeDays] = (FeatureKind.Numeric, "DeliveryTimeDays", null),
        [OrderSchema.DiscountPercentage] = (FeatureKind.Numeric, "DiscountPercentage", null),
        [OrderSchema.PreviousReturns] = (FeatureKind.Numeric, "PreviousReturns", null),
        [OrderSchema.DaysSincePurchase] = (FeatureKind.Numeric, "DaysSincePurchase", null),
        [OrderSchema.ProductCategory] = (FeatureKind.Categorical, "ProductCategory", "CategoryOneHot"),
        [OrderSchema.SizeOrdered] = (FeatureKind.Categorical, "SizeOrdered", "SizeOneHot"),
    };

    /// <summary>The input column of <paramref name="feature"/> (float for a numeric feature, text for a categorical one).</summary>
    public static string Input(FeatureDefinition feature) =>
        IsLegacy(feature, out var legacy) ? legacy.Input : InputPrefix + feature.Name;

    /// <summary>The one-hot column of categorical <paramref name="feature"/>.</summary>
    public static string OneHot(FeatureDefinition feature) =>
        IsLegacy(feature, out var legacy) && legacy.OneHot is { } name ? name : OneHotPrefix + feature.Name;

    /// <summary>The missing-value indicator (0/1 as float) of numeric <paramref name="feature"/>.</summary>
    public static string Indicator(FeatureDefinition feature) => IndicatorPrefix + feature.Name;

    /// <summary>
    /// The feature an input column of a saved model stands for, or null for a column that is not a feature input
    /// (the label). The kind comes from the column's type: float is numeric, text categorical.
    /// </summary>
    public static FeatureDefinition? FromInput(DataViewSchema.Column column)
    {
        var kind = column.Type is TextDataViewType ? FeatureKind.Categorical
            : column.Type == NumberDataViewType.Single ? FeatureKind.Numeric
            : (FeatureKind?)null;
        if (kind is null || column.Name == Label)
        {
            return null;
        }

        if (column.Name.StartsWith(InputPrefix, StringComparison.Ordinal))
        {
            return new FeatureDefinition(column.Name[InputPrefix.Length..], kind.Value, "");
        }

        var legacy = Legacy.FirstOrDefault(p => p.Value.Input == column.Name && p.Value.Kind == kind);
        return legacy.Key is null ? null : new FeatureDefinition(legacy.Key, kind.Value, "");
    }

    private static bool IsLegacy(FeatureDefinition feature, out (FeatureKind Kind, string Input, string? OneHot) legacy) =>
        Legacy.TryGetValue(feature.Name, out legacy) && legacy.Kind == feature.Kind;
}
