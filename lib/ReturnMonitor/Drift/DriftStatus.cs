namespace ReturnMonitor.Drift;

/// <summary>The batch verdict derived from the drift score.</summary>
public enum DriftStatus
{
    /// <summary>Score below the warning threshold (10).</summary>
    Healthy,

    /// <summary>Score from 10 to below 20: watch the next batches.</summary>
    Warning,

    /// <summary>Score 20 or more: act.</summary>
    Critical,
}
