using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// The numeric PSI bins fitted on a reference: edges at the reference deciles
/// (<see cref="PopulationStabilityIndex.DecileEdges"/>) and the reference's share of each bin
/// (<see cref="PopulationStabilityIndex.BinProportions"/>, open-ended outer bins). Shared by PSI and numeric Jensen–Shannon.
/// </summary>
internal sealed class DecileBins
{
    private readonly double[] edges;

    public DecileBins(EmpiricalDistribution reference)
    {
        edges = PopulationStabilityIndex.DecileEdges(reference);
        ReferenceShares = PopulationStabilityIndex.BinProportions(reference, edges);
    }

    /// <summary>Share of the reference in each bin; sums to 1.</summary>
    public double[] ReferenceShares { get; }

    /// <summary>Share of <paramref name="current"/> in each bin; sums to 1.</summary>
    /// <exception cref="ArgumentException">The current sample is empty.</exception>
    public double[] CurrentShares(EmpiricalDistribution current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Count == 0)
        {
            throw new ArgumentException("current sample is empty", nameof(current));
        }

        return PopulationStabilityIndex.BinProportions(current, edges);
    }
}
