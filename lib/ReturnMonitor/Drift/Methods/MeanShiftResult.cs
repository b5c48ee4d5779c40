namespace ReturnMonitor.Drift;

/// <summary>The means of a numeric feature and their relative change.</summary>
/// <param name="ReferenceMean">Mean in the reference, in the feature's units.</param>
/// <param name="CurrentMean">Mean in the batch, in the feature's units.</param>
/// <param name="Percent">100·(current − reference)/|reference| (<see cref="MeanShift.Percent"/>); null when the reference mean is 0 and the current is not.</param>
public sealed record MeanShiftResult(double ReferenceMean, double CurrentMean, double? Percent);
