namespace ReturnMonitor.Monitoring;

/// <summary>How much of a batch lies outside the reference's per-feature support (<see cref="FeatureSupport.Check"/>).</summary>
/// <param name="Orders">Orders in the batch.</param>
/// <param name="OrdersOutside">Orders with at least one feature outside the reference range or an unseen category.</param>
/// <param name="ShareOutside">OrdersOutside / Orders, in [0, 1]; 0 for an empty batch.</param>
/// <param name="OutsidePerFeature">Per feature (schema order), the orders whose value lies outside the reference's range or categories.</param>
public sealed record SupportReport(int Orders, int OrdersOutside, double ShareOutside, IReadOnlyDictionary<string, int> OutsidePerFeature);
