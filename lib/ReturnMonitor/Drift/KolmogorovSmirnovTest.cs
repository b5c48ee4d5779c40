namespace ReturnMonitor.Drift;

/// <summary>Two-sample Kolmogorov–Smirnov test (stub: to be implemented).</summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>Two-sided two-sample KS test, as scipy.stats.ks_2samp(a, b, method='auto').</summary>
    public static KolmogorovSmirnovResult TwoSample(EmpiricalDistribution reference, EmpiricalDistribution current) =>
        throw new NotImplementedException();
}
