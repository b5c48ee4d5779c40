namespace ReturnMonitor.Drift;

/// <summary>How much a feature drifted.</summary>
public enum DriftSeverity
{
    /// <summary>No drift: the test is not significant after correction, or the PSI is below the moderate threshold (0.1).</summary>
    None,

    /// <summary>Significant and 0.1 ≤ PSI &lt; 0.2.</summary>
    Moderate,

    /// <summary>Significant and PSI ≥ 0.2.</summary>
    Severe,
}
