namespace ReturnMonitor.Evaluation;

/// <summary>How often one feature was flagged (moderate or severe drift) for one case and batch size.</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Feature">The feature.</param>
/// <param name="Flags">Batches in which the feature was flagged, of all batches.</param>
public sealed record FeatureFlagRate(string Scenario, int Size, string Feature, Proportion Flags);
