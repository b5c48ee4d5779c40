namespace ReturnMonitor.Monitoring;

/// <summary>
/// Metrics of a batch estimated with the held-out orders reweighted to look like the batch
/// (<see cref="ImportanceWeightedEstimator"/>).
/// </summary>
/// <param name="Values">Per metric, CBPE on the batch's scores with the importance-weighted calibration (PAPE-style): the estimate.</param>
/// <param name="StandardErrors">Per metric, bootstrap standard error of <paramref name="Values"/> (held-out orders resampled with their weights, calibration refitted): the uncertainty of having few effective held-out orders, not yet the batch's own label noise.</param>
/// <param name="Direct">Per metric, the weighted metric of the held-out orders themselves (their real labels and scores); a diagnostic — it ignores the batch's own scores and degrades first when the support is thin.</param>
/// <param name="BatchProbabilities">The batch's return probabilities under the weighted calibration, one per order (for the money estimate; not for output).</param>
/// <param name="EffectiveSampleSize">Kish effective sample size of the weights.</param>
/// <param name="Replicates">Bootstrap replicates behind the standard errors.</param>
public sealed record ImportanceWeightedEstimate(
    IReadOnlyDictionary<PerformanceMetric, double> Values,
    IReadOnlyDictionary<PerformanceMetric, double> StandardErrors,
    IReadOnlyDictionary<PerformanceMetric, double> Direct,
    IReadOnlyList<double> BatchProbabilities,
    double EffectiveSampleSize,
    int Replicates)
{
    /// <summary>The estimate of one metric.</summary>
    public double this[PerformanceMetric metric] => Values[metric];
}
