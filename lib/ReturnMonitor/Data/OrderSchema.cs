namespace ReturnMonitor.Data;

/// <summary>
/// The order table's columns, exactly as in the original system's CSV files:
/// seven numeric features, two categorical features and the 0/1 target <c>returned</c>.
/// </summary>
public static class OrderSchema
{
    /// <summary>Name of the target column: 1 when the order was returned, 0 otherwise.</summary>
    public const string Target = "returned";

    public const string ProductPrice = "product_price";
    public const string CustomerPurchaseHistory = "customer_purchase_history";
    public const string ReviewRating = "review_rating";
    public const string DeliveryTimeDays = "delivery_time_days";
    public const string DiscountPercentage = "discount_percentage";
    public const string PreviousReturns = "previous_returns";
    public const string DaysSincePurchase = "days_since_purchase";
    public const string ProductCategory = "product_category";
    public const string SizeOrdered = "size_ordered";

    /// <summary>The size value meaning "this product has no size". A category, never a missing value.</summary>
    public const string NoSize = "NA";

    /// <summary>Product categories of the original system, in its order.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["Clothing", "Electronics", "Home_Decor", "Sports", "Beauty"];

    /// <summary>Sizes of the original system, smallest first; <see cref="NoSize"/> last.</summary>
    public static IReadOnlyList<string> Sizes { get; } = ["XS", "S", "M", "L", "XL", "XXL", NoSize];

    /// <summary>All nine features in CSV column order.</summary>
    public static IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        new(ProductPrice, FeatureKind.Numeric, "price of the item, currency units", Minimum: 0),
        new(CustomerPurchaseHistory, FeatureKind.Numeric, "number of earlier orders by the customer", Minimum: 0),
        new(ReviewRating, FeatureKind.Numeric, "average product review, 1 to 5 stars", Minimum: 1, Maximum: 5),
        new(DeliveryTimeDays, FeatureKind.Numeric, "days from order to delivery", Minimum: 0),
        new(DiscountPercentage, FeatureKind.Numeric, "discount on the list price, percent", Minimum: 0, Maximum: 100),
        new(PreviousReturns, FeatureKind.Numeric, "number of earlier returns by the customer", Minimum: 0),
        new(DaysSincePurchase, FeatureKind.Numeric, "days between purchase and this record", Minimum: 0),
        new(ProductCategory, FeatureKind.Categorical, "product category"),
        new(SizeOrdered, FeatureKind.Categorical, "size ordered; NA means the product has no size"),
    ];

    /// <summary>The numeric features, in column order.</summary>
    public static IReadOnlyList<FeatureDefinition> NumericFeatures { get; } =
        Features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();

    /// <summary>The categorical features, in column order.</summary>
    public static IReadOnlyList<FeatureDefinition> CategoricalFeatures { get; } =
        Features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();

    /// <summary>All columns of a complete order file, in the original system's order (target before the categoricals).</summary>
    public static IReadOnlyList<string> ColumnOrder { get; } =
    [
        ProductPrice, CustomerPurchaseHistory, ReviewRating, DeliveryTimeDays, DiscountPercentage,
        PreviousReturns, DaysSincePurchase, Target, ProductCategory, SizeOrdered,
    ];

    /// <summary>The definition of feature <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such feature.</exception>
    public static FeatureDefinition Feature(string name) =>
        Features.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"'{name}' is not a feature of the order schema", nameof(name));
}
