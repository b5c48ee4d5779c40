using MathNet.Numerics;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>Pearson's chi-square test of homogeneity of a categorical feature between two samples.</summary>
public static class ChiSquareTest
{
    /// <summary>
    /// 2×k test of homogeneity on the contingency table (reference counts, current counts) over the union of both
    /// samples' categories (<see cref="CategoryCounts.Align"/>), as <c>scipy.stats.chi2_contingency(table, correction=False)</c>:
    /// expected E_rc = row_r·col_c/N, statistic χ² = Σ (O − E)²/E (dimensionless, ≥ 0), dof = k − 1, and
    /// p = P(χ²_dof ≥ statistic), the regularized upper incomplete gamma Q(dof/2, χ²/2) (scipy's chi2.sf).
    /// </summary>
    /// <remarks>
    /// A category seen in only one sample is a column with a zero cell — allowed (its expected counts are positive).
    /// A single category in total (k = 1, dof = 0): statistic 0 and p-value 1, as scipy's degenerate case.
    /// No Yates continuity correction.
    /// </remarks>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static ChiSquareResult Homogeneity(CategoryCounts reference, CategoryCounts current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Total == 0 || current.Total == 0)
        {
            throw new ArgumentException("categorical sample is empty", reference.Total == 0 ? nameof(reference) : nameof(current));
        }

        var (categories, referenceCounts, currentCounts) = CategoryCounts.Align(reference, current);
        var dof = categories.Length - 1;
        if (dof == 0)
        {
            return new ChiSquareResult(0.0, 1.0, 0);
        }

        double total = reference.Total + current.Total;
        double referenceTotal = reference.Total, currentTotal = current.Total;
        var statistic = 0.0;
        for (var c = 0; c < categories.Length; c++)
        {
            double column = referenceCounts[c] + currentCounts[c];
            // scipy's expected_freq: the outer product of the margins divided by N.
            var expectedReference = referenceTotal * column / total;
            var expectedCurrent = currentTotal * column / total;
            var dr = referenceCounts[c] - expectedReference;
            var dc = currentCounts[c] - expectedCurrent;
            statistic += dr * dr / expectedReference + dc * dc / expectedCurrent;
        }

        var p = SpecialFunctions.GammaUpperRegularized(dof / 2.0, statistic / 2.0);
        return new ChiSquareResult(statistic, Math.Clamp(p, 0.0, 1.0), dof);
    }
}
