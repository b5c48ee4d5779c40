namespace ReturnMonitor.Drift;

/// <summary>Population stability index (stub: to be implemented).</summary>
public static class PopulationStabilityIndex
{
    /// <summary>Smallest proportion used for an empty bin, so that ln(cur/ref) stays finite.</summary>
    public const double ProportionFloor = 1e-4;

    /// <summary>Distinct bin edges at the reference deciles (numpy.percentile, linear), ascending.</summary>
    public static double[] DecileEdges(EmpiricalDistribution reference, int bins = 10) => throw new NotImplementedException();

    /// <summary>Proportion of <paramref name="distribution"/> in each bin defined by <paramref name="edges"/>, first and last bins open-ended.</summary>
    public static double[] BinProportions(EmpiricalDistribution distribution, ReadOnlySpan<double> edges) => throw new NotImplementedException();

    /// <summary>PSI = Σ (cur − ref)·ln(cur/ref) over aligned proportions, each floored at <see cref="ProportionFloor"/>.</summary>
    public static double Compute(ReadOnlySpan<double> referenceProportions, ReadOnlySpan<double> currentProportions) => throw new NotImplementedException();

    /// <summary>PSI of a numeric feature over the reference deciles.</summary>
    public static double Numeric(EmpiricalDistribution reference, EmpiricalDistribution current) => throw new NotImplementedException();

    /// <summary>PSI of a categorical feature over the union of categories.</summary>
    public static double Categorical(CategoryCounts reference, CategoryCounts current) => throw new NotImplementedException();
}
