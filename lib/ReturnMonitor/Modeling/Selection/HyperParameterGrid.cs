namespace ReturnMonitor.Modeling;

/// <summary>
/// The hyper-parameter candidates <see cref="ModelComparison"/> tunes over, per trainer. Small on purpose: six or eight
/// candidates each, spanning tree size and (for boosting) the usual learning-rate / tree-count trade-off, so a nested 5×3-fold run
/// stays within minutes on two cores. The two boosted trainers get the same grid, so they are compared like for like.
/// </summary>
public static class HyperParameterGrid
{
    /// <summary>The full grid of <paramref name="algorithm"/> (six candidates for FastForest, eight for boosting), every candidate seeded with <paramref name="seed"/>.</summary>
    public static IReadOnlyList<ReturnModelOptions> For(TreeAlgorithm algorithm, int seed = 42) => algorithm switch
    {
        // Random forest: tree size and leaf size; 100 trees as the original system. Forests want big trees (64 won every fold of a 16–64 grid).
        TreeAlgorithm.FastForest =>
        [
            .. from leaves in new[] { 32, 64, 128 }
               from minimum in new[] { 10, 40 }
               select new ReturnModelOptions(algorithm, Trees: 100, Leaves: leaves, MinimumOrdersPerLeaf: minimum, FeatureFraction: 0.7, Seed: seed),
        ],
        // Boosting: small to LightGBM-default-sized trees, each with a fast and a slow (more, smaller steps) schedule.
        _ =>
        [
            .. from leaves in new[] { 4, 8, 16, 31 }
               from schedule in new[] { (Trees: 100, Rate: 0.1), (Trees: 300, Rate: 0.03) }
               select new ReturnModelOptions(algorithm, Trees: schedule.Trees, Leaves: leaves, MinimumOrdersPerLeaf: 20, FeatureFraction: 1, LearningRate: schedule.Rate, Seed: seed),
        ],
    };

    /// <summary>Two candidates per trainer with few trees, for quick checks of the procedure (not for choosing a model).</summary>
    public static IReadOnlyList<ReturnModelOptions> Small(TreeAlgorithm algorithm, int seed = 42) =>
    [
        .. from leaves in new[] { 4, 16 }
           select new ReturnModelOptions(algorithm, Trees: 20, Leaves: leaves, MinimumOrdersPerLeaf: 20, FeatureFraction: algorithm == TreeAlgorithm.FastForest ? 0.7 : 1, LearningRate: 0.2, Seed: seed),
    ];
}
