using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ReturnMonitor.Modeling;

/// <summary>The ML.NET estimator for each <see cref="TreeAlgorithm"/>, configured from <see cref="ReturnModelOptions"/>.</summary>
internal static class TreeTrainers
{
    /// <summary>A binary trainer reading "Label" and "Features"; single-threaded so a seed gives the same model every time.</summary>
    public static IEstimator<ITransformer> Create(MLContext context, ReturnModelOptions options) => options.Algorithm switch
    {
        TreeAlgorithm.FastForest => context.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumOrdersPerLeaf,
            FeatureFraction = options.FeatureFraction,
            Seed = options.Seed,
            NumberOfThreads = 1,
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
        }),
        TreeAlgorithm.FastTree => context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumOrdersPerLeaf,
            LearningRate = options.LearningRate,
            FeatureFraction = options.FeatureFraction,
            Seed = options.Seed,
            NumberOfThreads = 1,
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
        }),
        TreeAlgorithm.LightGbm => context.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumOrdersPerLeaf,
            LearningRate = options.LearningRate,
            Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
            // The one-hot columns are split like any number: every split stays numerical, which ForestScorer walks.
            UseCategoricalSplit = false,
            Seed = options.Seed,
            Deterministic = true,
            NumberOfThreads = 1,
            Silent = true,
            Verbose = false,
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Algorithm, "unknown tree algorithm"),
    };
}
