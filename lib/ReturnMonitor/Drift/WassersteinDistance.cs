namespace ReturnMonitor.Drift;

/// <summary>1-D Wasserstein distance (stub: to be implemented).</summary>
public static class WassersteinDistance
{
    /// <summary>Earth mover's distance between two empirical distributions, in the data's units, as scipy.stats.wasserstein_distance(u, v).</summary>
    public static double Compute(EmpiricalDistribution u, EmpiricalDistribution v) => throw new NotImplementedException();

    /// <summary>Distance divided by the reference population standard deviation (by 1 when that is 0).</summary>
    public static double Normed(EmpiricalDistribution reference, EmpiricalDistribution current) => throw new NotImplementedException();
}
