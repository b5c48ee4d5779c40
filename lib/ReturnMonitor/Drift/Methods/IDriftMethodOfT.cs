namespace ReturnMonitor.Drift;

/// <summary>A drift method for features summarised as <typeparamref name="TSummary"/>.</summary>
/// <typeparam name="TSummary">
/// <see cref="Summaries.EmpiricalDistribution"/> for numeric features, <see cref="Summaries.CategoryCounts"/> for categorical ones.
/// </typeparam>
public interface IDriftMethod<TSummary> : IDriftMethod
{
    /// <summary>
    /// Fits the method on one feature's reference summary, once: the result keeps what every batch needs (bins and
    /// reference shares, the reference mean, …) so that comparing many batches never refits.
    /// </summary>
    /// <exception cref="ArgumentException">The reference summary is empty.</exception>
    IFittedDriftMethod<TSummary> Fit(TSummary reference);
}
