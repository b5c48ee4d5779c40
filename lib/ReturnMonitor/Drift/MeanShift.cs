namespace ReturnMonitor.Drift;

/// <summary>Relative change of the mean (stub: to be implemented).</summary>
public static class MeanShift
{
    /// <summary>100·(current − reference)/|reference|; defined when the reference mean is 0 (see docs).</summary>
    public static double? Percent(double referenceMean, double currentMean) => throw new NotImplementedException();
}
