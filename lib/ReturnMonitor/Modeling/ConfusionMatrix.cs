namespace ReturnMonitor.Modeling;

/// <summary>Counts of a binary classifier's decisions; "positive" means "returned".</summary>
public sealed record ConfusionMatrix(long TrueNegatives, long FalsePositives, long FalseNegatives, long TruePositives)
{
    /// <summary>Number of orders.</summary>
    public long Total => TrueNegatives + FalsePositives + FalseNegatives + TruePositives;
}
