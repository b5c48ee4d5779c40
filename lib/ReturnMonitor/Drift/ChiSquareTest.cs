namespace ReturnMonitor.Drift;

/// <summary>Chi-square test of homogeneity (stub: to be implemented).</summary>
public static class ChiSquareTest
{
    /// <summary>2×k test of homogeneity, as scipy.stats.chi2_contingency(table, correction=False).</summary>
    public static ChiSquareResult Homogeneity(CategoryCounts reference, CategoryCounts current) => throw new NotImplementedException();
}
