namespace ReturnMonitor.Modeling;

/// <summary>How <see cref="ModelComparison"/> cross-validates.</summary>
/// <param name="Folds">Outer folds k (each scores the model tuned and refitted on the other k − 1), at least 2.</param>
/// <param name="InnerFolds">Folds of the inner cross-validation that tunes hyper-parameters on an outer fold's training orders only, at least 2.</param>
/// <param name="Seed">Seed of the outer and inner fold assignments and of every model.</param>
/// <param name="SmallGrid">Use <see cref="HyperParameterGrid.Small"/> instead of the full grid (quick checks only).</param>
public sealed record ModelComparisonOptions(int Folds = 5, int InnerFolds = 3, int Seed = 42, bool SmallGrid = false)
{
    /// <summary>The trainers compared, in table order.</summary>
    public IReadOnlyList<TreeAlgorithm> Algorithms { get; init; } = [TreeAlgorithm.FastForest, TreeAlgorithm.FastTree, TreeAlgorithm.LightGbm];

    /// <summary>
    /// When set, replaces the grids: each trainer is tuned over the candidates of its algorithm here (one candidate means
    /// no tuning, i.e. plain k-fold cross-validation of that configuration).
    /// </summary>
    public IReadOnlyList<ReturnModelOptions>? Candidates { get; init; }

    /// <summary>The candidates tuned over for one trainer.</summary>
    public IReadOnlyList<ReturnModelOptions> Grid(TreeAlgorithm algorithm) =>
        Candidates is { } fixedCandidates ? [.. fixedCandidates.Where(c => c.Algorithm == algorithm)]
        : SmallGrid ? HyperParameterGrid.Small(algorithm, Seed) : HyperParameterGrid.For(algorithm, Seed);
}
