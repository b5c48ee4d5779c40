namespace ReturnMonitor.Modeling;

/// <summary>The ML.NET tree-ensemble trainer behind a <see cref="ReturnModel"/>.</summary>
public enum TreeAlgorithm
{
    /// <summary>Random forest (ML.NET FastForest): bagged trees, P(returned) = the trees' mean leaf return rate.</summary>
    FastForest,

    /// <summary>Gradient-boosted trees (ML.NET FastTree, MART): P(returned) = ML.NET's Platt map of the summed tree outputs.</summary>
    FastTree,

    /// <summary>Gradient-boosted trees (ML.NET LightGbm, leaf-wise LightGBM): P(returned) = ML.NET's sigmoid of the summed tree outputs.</summary>
    LightGbm,
}
