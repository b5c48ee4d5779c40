namespace ReturnMonitor.Drift;

/// <summary>Return rates of reference and batch (present when both have the <c>returned</c> column).</summary>
/// <param name="ReferenceRate">Share of returned orders in the reference, [0, 1].</param>
/// <param name="CurrentRate">Share of returned orders in the batch, [0, 1].</param>
public sealed record TargetDrift(double ReferenceRate, double CurrentRate);
