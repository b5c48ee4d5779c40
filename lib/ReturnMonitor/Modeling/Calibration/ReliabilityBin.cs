namespace ReturnMonitor.Modeling;

/// <summary>One bin of a <see cref="ReliabilityCurve"/>.</summary>
/// <param name="Lower">Lower edge of the bin (inclusive).</param>
/// <param name="Upper">Upper edge of the bin (exclusive, except 1 for the last bin).</param>
/// <param name="Count">Orders whose probability falls in the bin.</param>
/// <param name="MeanPredicted">Mean probability of those orders.</param>
/// <param name="ObservedRate">Share of those orders that were returned.</param>
public sealed record ReliabilityBin(double Lower, double Upper, long Count, double MeanPredicted, double ObservedRate);
