using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// The relative change of the mean as a drift method for numeric features: 100·(current − reference)/|reference| in
/// percent, range (−∞, +∞) (<see cref="MeanShift.Percent"/>); the detail is a <see cref="MeanShiftResult"/>.
/// Descriptive (it explains the direction of a drift the tests found), so it has no threshold by default.
/// Fitted state: the reference mean.
/// Limit: undefined (null) when the reference mean is 0 and the current one is not; blind to changes of spread.
/// </summary>
/// <param name="threshold">Alert when |shift| in percent reaches it; default none.</param>
public sealed class MeanShiftMethod(double? threshold = null) : IDriftMethod<EmpiricalDistribution>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.MeanShift;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
    {
        KolmogorovSmirnovMethod.RequireNonEmpty(reference);
        var referenceMean = reference.Mean;
        return new FittedDriftMethod<EmpiricalDistribution>(current =>
        {
            var result = new MeanShiftResult(referenceMean, current.Mean, MeanShift.Percent(referenceMean, current.Mean));
            return new DriftMethodResult(Key, result.Percent, null, Math.Abs(result.Percent ?? 0) >= threshold, result);
        });
    }
}
