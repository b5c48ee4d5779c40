using ReturnMonitor.Summaries;
using ReturnMonitor.Text;

namespace ReturnMonitor.Drift;

/// <summary>
/// The Wasserstein-1 ("earth mover's") distance as a drift method for numeric features: W1 = ∫ |F_ref − F_cur| dx in
/// the feature's units, and W1/σ_ref in reference standard deviations (σ with ddof = 0; divided by 1 when the
/// reference is constant), both ≥ 0 (<see cref="WassersteinDistance"/>; reference <c>scipy.stats.wasserstein_distance</c>).
/// The result's value is the normed distance; the detail is a <see cref="WassersteinResult"/>.
/// Fitted state: the reference distribution and its standard deviation.
/// Limit: sensitive to a few far outliers, since mass moved far counts in proportion to the distance.
/// </summary>
/// <param name="threshold">Alert when the normed distance reaches it; default 0.1 reference standard deviations (Evidently's default).</param>
public sealed class WassersteinMethod(double threshold = 0.1) : IDriftMethod<EmpiricalDistribution>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.Wasserstein;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
    {
        KolmogorovSmirnovMethod.RequireNonEmpty(reference);
        var std = reference.StandardDeviation;
        var scale = std > 0 ? std : 1.0;
        return new FittedDriftMethod<EmpiricalDistribution>(current =>
        {
            var distance = WassersteinDistance.Compute(reference, current);
            var result = new WassersteinResult(distance, distance / scale);
            return DriftMethodResult.Distance(Key, result.Normed, threshold, result) with { Display = Show(result) };
        });
    }

    /// <inheritdoc/>
    public DriftMethodResult NotComputed() => new(Key, null, null, false) { Threshold = threshold, Display = Show(null) };

    // JSON wasserstein and wassersteinNormed; "W₁=1.23 (0.45σ)" in the table's Distance column.
    private static StatisticDisplay Show(WassersteinResult? w) => new(
        [new("wasserstein", w?.Distance), new("wassersteinNormed", w?.Normed)],
        StatisticColumn.Distance,
        $"W₁={NumberText.Fixed(w?.Distance, 2)} ({NumberText.Fixed(w?.Normed, 2)}σ)");
}
