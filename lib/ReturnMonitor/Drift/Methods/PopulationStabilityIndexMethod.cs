using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// The population stability index as a drift method for numeric and categorical features:
/// PSI = Σ_i (c_i − r_i)·ln(c_i/r_i) over bins, shares floored at 1e-4 (<see cref="PopulationStabilityIndex"/>);
/// dimensionless, ≥ 0, 0 for equal shares. Numeric bins at the reference deciles with open-ended outer bins;
/// categorical bins over the union of categories (a category new in the batch counts as drift). Reference: numpy
/// (<c>numpy.percentile</c> for the edges). It is the decision's size: a significant feature drifts only when its PSI
/// reaches <see cref="DriftOptions.ModeratePsi"/>, and the batch score sums the PSI of drifting features.
/// Fitted state: numeric, the decile edges and the reference share of each bin; categorical, the reference counts.
/// Limit: a 0/1 column whose deciles collapse to two edges has a single bin and PSI 0.
/// </summary>
/// <param name="threshold">Alert when the PSI reaches it; default 0.1 (the usual "moderate shift" rule of thumb).</param>
public sealed class PopulationStabilityIndexMethod(double threshold = 0.1) : IDriftMethod<EmpiricalDistribution>, IDriftMethod<CategoryCounts>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.PopulationStabilityIndex;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
    {
        var bins = new DecileBins(reference);
        return new FittedDriftMethod<EmpiricalDistribution>(current =>
            DriftMethodResult.Distance(Key, PopulationStabilityIndex.Compute(bins.ReferenceShares, bins.CurrentShares(current)), threshold) with { Display = StatisticDisplay.Hidden });
    }

    /// <inheritdoc/>
    public IFittedDriftMethod<CategoryCounts> Fit(CategoryCounts reference)
    {
        ChiSquareMethod.RequireNonEmpty(reference);
        return new FittedDriftMethod<CategoryCounts>(current =>
            DriftMethodResult.Distance(Key, PopulationStabilityIndex.Categorical(reference, current), threshold) with { Display = StatisticDisplay.Hidden });
    }

    // The PSI is the decision's size: the JSON and the table show it in fields of their own (psi, the PSI column).
    /// <inheritdoc/>
    public DriftMethodResult NotComputed() => new(Key, null, null, false) { Threshold = threshold, Display = StatisticDisplay.Hidden };
}
