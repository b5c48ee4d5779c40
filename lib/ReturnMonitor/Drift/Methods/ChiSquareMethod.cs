using ReturnMonitor.Summaries;
using ReturnMonitor.Text;

namespace ReturnMonitor.Drift;

/// <summary>
/// Pearson's chi-square test of homogeneity as a drift method for categorical features: χ² = Σ (O − E)²/E over the
/// 2×k table of category counts (union of categories), dimensionless, ≥ 0, with k − 1 degrees of freedom and the
/// upper-tail p-value (<see cref="ChiSquareTest.Homogeneity"/>; reference
/// <c>scipy.stats.chi2_contingency(correction=False)</c>). The decision's test for categorical features; the detail
/// is a <see cref="ChiSquareResult"/>.
/// Fitted state: the reference counts (the table's columns depend on the batch's categories).
/// Limit: the χ² approximation is rough when expected counts are below about 5 (rare categories in small batches).
/// </summary>
/// <param name="threshold">Alert when the uncorrected p-value is below it; default 0.05.</param>
public sealed class ChiSquareMethod(double threshold = 0.05) : IDriftMethod<CategoryCounts>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.ChiSquare;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<CategoryCounts> Fit(CategoryCounts reference)
    {
        RequireNonEmpty(reference);
        return new FittedDriftMethod<CategoryCounts>(current =>
        {
            var chi = ChiSquareTest.Homogeneity(reference, current);
            return DriftMethodResult.Test(Key, chi.Statistic, chi.PValue, threshold, chi) with { Display = Show(chi) };
        });
    }

    /// <inheritdoc/>
    public DriftMethodResult NotComputed() => new(Key, null, null, false) { Threshold = threshold, Display = Show(null) };

    internal static void RequireNonEmpty(CategoryCounts reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Total == 0)
        {
            throw new ArgumentException("categorical sample is empty", nameof(reference));
        }
    }

    // JSON chiSquare, chiSquarePValue and degreesOfFreedom; "χ²=12.3 (df 4)" in the table's Test column.
    private static StatisticDisplay Show(ChiSquareResult? chi) => new(
        [new("chiSquare", chi?.Statistic), new("chiSquarePValue", chi?.PValue), new("degreesOfFreedom", chi?.DegreesOfFreedom)],
        StatisticColumn.Test,
        $"χ²={NumberText.Fixed(chi?.Statistic, 1)} (df {chi?.DegreesOfFreedom})");
}
