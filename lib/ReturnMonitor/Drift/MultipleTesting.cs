namespace ReturnMonitor.Drift;

/// <summary>Multiple-testing corrections (stub: to be implemented).</summary>
public static class MultipleTesting
{
    /// <summary>Benjamini–Hochberg adjusted p-values (q-values), as statsmodels multipletests(method='fdr_bh'), same order as the input.</summary>
    public static double[] BenjaminiHochberg(ReadOnlySpan<double> pValues) => throw new NotImplementedException();

    /// <summary>Bonferroni adjusted p-values: min(1, m·p).</summary>
    public static double[] Bonferroni(ReadOnlySpan<double> pValues) => throw new NotImplementedException();
}
