namespace ReturnMonitor.Drift;

/// <summary>The column of the feature drift table (terminal and dashboard) a statistic's text goes to.</summary>
public enum StatisticColumn
{
    /// <summary>Not shown in the table (PSI: the table has a PSI column of its own, from the decision).</summary>
    None,

    /// <summary>The "Test" column: test statistics (KS D, χ²).</summary>
    Test,

    /// <summary>The "Distance" column: distances (Wasserstein, Jensen–Shannon).</summary>
    Distance,

    /// <summary>The "Change" column: descriptive changes (the mean reference → current).</summary>
    Change,
}
