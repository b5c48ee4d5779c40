namespace ReturnMonitor.Data;

/// <summary>One order, a row of the order table.</summary>
/// <param name="Returned">Whether the order was returned; null when the file has no <c>returned</c> column (unlabelled production data).</param>
public sealed record Order(
    double ProductPrice,
    double CustomerPurchaseHistory,
    double ReviewRating,
    double DeliveryTimeDays,
    double DiscountPercentage,
    double PreviousReturns,
    double DaysSincePurchase,
    string ProductCategory,
    string SizeOrdered,
    bool? Returned);
