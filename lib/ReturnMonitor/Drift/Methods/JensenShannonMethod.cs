using ReturnMonitor.Summaries;
using ReturnMonitor.Text;

namespace ReturnMonitor.Drift;

/// <summary>
/// The Jensen–Shannon distance (base 2) as a drift method: √(½·KL(p‖m) + ½·KL(q‖m)), m = (p + q)/2, dimensionless,
/// in [0, 1] — 0 for equal distributions, 1 for disjoint ones (<see cref="JensenShannonDistance"/>; reference
/// <c>scipy.spatial.distance.jensenshannon(base=2)</c>). Categorical: over the union of categories, unfloored.
/// Numeric (not registered by default; NannyML's default for continuous features): over the PSI decile bins.
/// Fitted state: categorical, the reference counts; numeric, the decile edges and the reference share of each bin.
/// Limit: numeric JS sees only mass moving between decile bins, not within one.
/// </summary>
/// <param name="threshold">Alert when the distance reaches it; default 0.1 (Evidently's default).</param>
public sealed class JensenShannonMethod(double threshold = 0.1) : IDriftMethod<EmpiricalDistribution>, IDriftMethod<CategoryCounts>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.JensenShannon;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
    {
        var bins = new DecileBins(reference);
        return new FittedDriftMethod<EmpiricalDistribution>(current =>
            Shown(DriftMethodResult.Distance(Key, JensenShannonDistance.Compute(bins.ReferenceShares, bins.CurrentShares(current)), threshold)));
    }

    /// <inheritdoc/>
    public IFittedDriftMethod<CategoryCounts> Fit(CategoryCounts reference)
    {
        ChiSquareMethod.RequireNonEmpty(reference);
        return new FittedDriftMethod<CategoryCounts>(current =>
            Shown(DriftMethodResult.Distance(Key, JensenShannonDistance.Categorical(reference, current), threshold)));
    }

    /// <inheritdoc/>
    public DriftMethodResult NotComputed() => Shown(new(Key, null, null, false) { Threshold = threshold });

    // JSON jensenShannon; "JS=0.123" in the table's Distance column.
    private static DriftMethodResult Shown(DriftMethodResult result) =>
        result with { Display = new([new("jensenShannon", result.Value)], StatisticColumn.Distance, $"JS={NumberText.Fixed(result.Value, 3)}") };
}
