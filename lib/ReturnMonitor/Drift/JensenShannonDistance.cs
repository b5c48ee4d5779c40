namespace ReturnMonitor.Drift;

/// <summary>Jensen–Shannon distance (stub: to be implemented).</summary>
public static class JensenShannonDistance
{
    /// <summary>Base-2 JS distance between two aligned probability vectors (normalised first), in [0, 1], as scipy.spatial.distance.jensenshannon(p, q, base=2).</summary>
    public static double Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q) => throw new NotImplementedException();

    /// <summary>JS distance between two categorical samples over the union of their categories.</summary>
    public static double Categorical(CategoryCounts reference, CategoryCounts current) => throw new NotImplementedException();
}
