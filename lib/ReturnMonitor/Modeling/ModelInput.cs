using Microsoft.ML.Data;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>One order as ML.NET sees it (single-precision features, as ML.NET trainers require).</summary>
internal sealed class ModelInput
{
    public float ProductPrice { get; set; }
    public float CustomerPurchaseHistory { get; set; }
    public float ReviewRating { get; set; }
    public float DeliveryTimeDays { get; set; }
    public float DiscountPercentage { get; set; }
    public float PreviousReturns { get; set; }
    public float DaysSincePurchase { get; set; }
    public string ProductCategory { get; set; } = "";
    public string SizeOrdered { get; set; } = "";

    [ColumnName("Label")]
    public bool Returned { get; set; }

    /// <summary>The numeric columns, in <see cref="OrderSchema.NumericFeatures"/> order.</summary>
    public static readonly string[] NumericColumns =
    [
        nameof(ProductPrice), nameof(CustomerPurchaseHistory), nameof(ReviewRating), nameof(DeliveryTimeDays),
        nameof(DiscountPercentage), nameof(PreviousReturns), nameof(DaysSincePurchase),
    ];

    public static IEnumerable<ModelInput> From(OrderTable table)
    {
        var price = table.Numeric(OrderSchema.ProductPrice).ToArray();
        var history = table.Numeric(OrderSchema.CustomerPurchaseHistory).ToArray();
        var rating = table.Numeric(OrderSchema.ReviewRating).ToArray();
        var delivery = table.Numeric(OrderSchema.DeliveryTimeDays).ToArray();
        var discount = table.Numeric(OrderSchema.DiscountPercentage).ToArray();
        var previous = table.Numeric(OrderSchema.PreviousReturns).ToArray();
        var days = table.Numeric(OrderSchema.DaysSincePurchase).ToArray();
        var category = table.Categorical(OrderSchema.ProductCategory);
        var size = table.Categorical(OrderSchema.SizeOrdered);
        var labelled = table.HasTarget;
        var returned = labelled ? table.Returned.ToArray() : null;
        for (var i = 0; i < table.Count; i++)
        {
            yield return new ModelInput
            {
                ProductPrice = (float)price[i],
                CustomerPurchaseHistory = (float)history[i],
                ReviewRating = (float)rating[i],
                DeliveryTimeDays = (float)delivery[i],
                DiscountPercentage = (float)discount[i],
                PreviousReturns = (float)previous[i],
                DaysSincePurchase = (float)days[i],
                ProductCategory = category[i],
                SizeOrdered = size[i],
                Returned = returned?[i] ?? false,
            };
        }
    }
}
