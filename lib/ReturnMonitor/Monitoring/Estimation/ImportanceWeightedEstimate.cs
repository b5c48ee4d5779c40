namespace ReturnMonitor.Monitoring;

/// <summary>
/// Metrics of a batch estimated from labelled reference orders reweighted to look like the batch
/// (<see cref="ImportanceWeightedEstimator"/>).
/// </summary>
/// <param name="Values">Weighted metric on the reference orders: the estimate of the batch's metric.</param>
/// <param name="StandardErrors">Per metric, bootstrap standard error of the weighted metric (reference rows resampled with their weights): the uncertainty from having few effective reference orders, not yet the batch's own label noise.</param>
/// <param name="EffectiveSampleSize">Kish effective sample size of the weights.</param>
/// <param name="Replicates">Bootstrap replicates behind the standard errors.</param>
public sealed record ImportanceWeightedEstimate(
    IReadOnlyDictionary<PerformanceMetric, double> Values,
    IReadOnlyDictionary<PerformanceMetric, double> StandardErrors,
    double EffectiveSampleSize,
    int Replicates)
{
    /// <summary>The estimate of one metric.</summary>
    public double this[PerformanceMetric metric] => Values[metric];
}
