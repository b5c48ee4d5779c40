namespace ReturnMonitor.Modeling;

/// <summary>
/// The trainer and its hyper-parameters. The defaults are the model chosen by nested 5-fold cross-validation
/// (<c>returnmonitor models</c>) on the demo data and on the original system's training file.
/// </summary>
/// <param name="Algorithm">Which ML.NET tree ensemble to train.</param>
/// <param name="Trees">Number of trees (boosting iterations for FastTree and LightGbm).</param>
/// <param name="Leaves">Maximum leaves per tree (all three trainers grow trees leaf-wise).</param>
/// <param name="MinimumOrdersPerLeaf">Smallest number of training orders in a leaf.</param>
/// <param name="FeatureFraction">Share of features each tree (LightGbm) or split (FastForest, FastTree) may consider, in (0, 1].</param>
/// <param name="LearningRate">Shrinkage of each boosted tree, in (0, 1]; unused by FastForest.</param>
/// <param name="Seed">Seed for bagging and feature sampling; training is single-threaded so the model is reproducible.</param>
public sealed record ReturnModelOptions(
    TreeAlgorithm Algorithm = TreeAlgorithm.FastForest,
    int Trees = 100,
    int Leaves = 32,
    int MinimumOrdersPerLeaf = 10,
    double FeatureFraction = 0.7,
    double LearningRate = 0.1,
    int Seed = 42)
{
    /// <summary>A short human description, e.g. "LightGbm, 300 trees, 8 leaves, learning rate 0.05".</summary>
    public string Describe() => Algorithm == TreeAlgorithm.FastForest
        ? $"{Algorithm} (random forest), {Trees} trees, {Leaves} leaves, ≥ {MinimumOrdersPerLeaf} orders per leaf, feature fraction {FeatureFraction:0.##}"
        : $"{Algorithm} (gradient boosting), {Trees} trees, {Leaves} leaves, ≥ {MinimumOrdersPerLeaf} orders per leaf, learning rate {LearningRate:0.###}, feature fraction {FeatureFraction:0.##}";
}
