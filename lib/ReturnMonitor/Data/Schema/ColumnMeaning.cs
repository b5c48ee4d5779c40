namespace ReturnMonitor.Data.Schema;

/// <summary>
/// What a column measures, where the domain rules (flash sale, logistics) and the money need to know it. Optional:
/// a column without a meaning is still monitored. Written in <c>schema.json</c> in snake_case
/// (<c>price</c>, <c>discount_percent</c>, <c>delivery_days</c>, <c>rating</c>, <c>purchase_history</c>,
/// <c>previous_returns</c>, <c>category</c>, <c>size</c>).
/// </summary>
public enum ColumnMeaning
{
    /// <summary>The item's price in the shop's currency (numeric): the cost of a return is derived from it.</summary>
    Price,

    /// <summary>Discount on the list price, in percent 0–100 (numeric).</summary>
    DiscountPercent,

    /// <summary>Days from order to delivery (numeric).</summary>
    DeliveryDays,

    /// <summary>The product's average review rating (numeric).</summary>
    Rating,

    /// <summary>Number of earlier orders by the customer (numeric).</summary>
    PurchaseHistory,

    /// <summary>Number of earlier returns by the customer (numeric).</summary>
    PreviousReturns,

    /// <summary>The product category (categorical).</summary>
    Category,

    /// <summary>The size ordered (categorical).</summary>
    Size,
}
