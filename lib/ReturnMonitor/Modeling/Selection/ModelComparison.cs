using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// Nested cross-validation of the ML.NET tree trainers on one labelled file. The outer loop is a stratified k-fold split
/// (<see cref="CrossValidationFolds"/>); for each outer fold, each trainer's hyper-parameters are tuned by an inner
/// stratified cross-validation over the outer fold's training orders only (highest mean inner ROC-AUC, ties to the
/// earlier candidate), the winner is refitted on all those training orders and scored once on the outer test fold.
/// The outer test fold never reaches tuning, so the per-fold metrics are honest estimates of the whole recipe.
/// </summary>
/// <param name="Source">Where the orders came from.</param>
/// <param name="Orders">Number of labelled orders.</param>
/// <param name="ReturnRate">Share of returned orders.</param>
/// <param name="Options">How the comparison was run.</param>
/// <param name="Fold">Outer fold of every order, in file order.</param>
/// <param name="Trainers">One evaluation per trainer, in <see cref="ModelComparisonOptions.Algorithms"/> order.</param>
public sealed record ModelComparison(
    string Source,
    int Orders,
    double ReturnRate,
    ModelComparisonOptions Options,
    IReadOnlyList<int> Fold,
    IReadOnlyList<TrainerEvaluation> Trainers)
{
    /// <summary>The trainer with the highest mean cross-validated ROC-AUC.</summary>
    public TrainerEvaluation Best => Trainers.OrderByDescending(t => t.RocAuc.Mean).First();

    /// <summary>SHA-256 of the fold assignment's CSV form (<see cref="CrossValidationFolds.Fingerprint"/>).</summary>
    public string FoldFingerprint => CrossValidationFolds.Fingerprint(Fold);

    /// <summary>Runs the comparison with ML.NET models (<see cref="ReturnModel.Train"/>); (trainer, outer fold) pairs run on all cores.</summary>
    /// <exception cref="ArgumentException">Unlabelled data, bad fold counts, or a class too small for the folds.</exception>
    public static ModelComparison Run(OrderTable data, ModelComparisonOptions? options = null, Action<string>? progress = null) =>
        Run(data, options ?? new ModelComparisonOptions(), (training, candidate) => ReturnModel.Train(training, candidate).PredictProbabilities, progress);

    /// <summary>
    /// The procedure with any model: <paramref name="fit"/> trains on a table and returns a function giving P(returned)
    /// for another table. Lets the tests watch which orders each fit and each scoring sees.
    /// </summary>
    internal static ModelComparison Run(
        OrderTable data,
        ModelComparisonOptions options,
        Func<OrderTable, ReturnModelOptions, Func<OrderTable, double[]>> fit,
        Action<string>? progress = null)
    {
        if (options.InnerFolds < 2)
        {
            throw new ArgumentException($"the inner cross-validation needs at least 2 folds, not {options.InnerFolds}", nameof(options));
        }

        foreach (var algorithm in options.Algorithms.Where(a => options.Grid(a).Count == 0))
        {
            throw new ArgumentException($"no hyper-parameter candidate for {algorithm}", nameof(options));
        }

        var fold = CrossValidationFolds.Assign(data, options.Folds, (ulong)options.Seed);
        var work = (from algorithm in options.Algorithms from k in Enumerable.Range(0, options.Folds) select (algorithm, k)).ToArray();
        var outcome = new FoldOutcome[work.Length];
        var done = 0;
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, w =>
        {
            var (algorithm, k) = work[w];
            outcome[w] = EvaluateFold(data, fold, k, options.Grid(algorithm), options, fit);
            progress?.Invoke($"{algorithm} fold {k + 1}/{options.Folds} done ({Interlocked.Increment(ref done)}/{work.Length})");
        });

        var trainers = options.Algorithms.Select((algorithm, a) =>
        {
            var folds = outcome.Skip(a * options.Folds).Take(options.Folds).ToArray();
            return new TrainerEvaluation(
                algorithm,
                new CrossValidatedMetric([.. folds.Select(f => f.RocAuc)]),
                new CrossValidatedMetric([.. folds.Select(f => f.Brier)]),
                new CrossValidatedMetric([.. folds.Select(f => f.Ece)]),
                [.. folds.Select(f => f.Chosen)],
                options.Grid(algorithm).Count);
        }).ToArray();
        return new ModelComparison(data.Source, data.Count, data.ReturnRate, options, fold, trainers);
    }

    /// <summary>
    /// One outer fold for one trainer. Only the outer training orders are handed to <see cref="Tune"/>; the outer test
    /// orders are selected afterwards and used once, to score the refitted winner.
    /// </summary>
    private static FoldOutcome EvaluateFold(
        OrderTable data,
        int[] fold,
        int k,
        IReadOnlyList<ReturnModelOptions> grid,
        ModelComparisonOptions options,
        Func<OrderTable, ReturnModelOptions, Func<OrderTable, double[]>> fit)
    {
        var training = data.Select(Rows(fold, f => f != k), $"{data.Source} (outer fold {k + 1} training)");
        var chosen = Tune(training, grid, options.InnerFolds, RandomSource.DeriveSeed((ulong)options.Seed, $"inner-folds-{k}"), fit);
        var predict = fit(training, chosen);

        var test = data.Select(Rows(fold, f => f == k), $"{data.Source} (outer fold {k + 1} test)");
        var probabilities = predict(test);
        var labels = test.Returned;
        var brier = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            var error = probabilities[i] - (labels[i] ? 1 : 0);
            brier += error * error / labels.Length;
        }

        return new FoldOutcome(
            ClassificationMetrics.ComputeRocAuc(labels, probabilities),
            brier,
            ReliabilityCurve.Compute(labels, probabilities).ExpectedCalibrationError,
            chosen);
    }

    /// <summary>The candidate with the highest mean ROC-AUC over an inner stratified cross-validation of <paramref name="training"/>.</summary>
    private static ReturnModelOptions Tune(
        OrderTable training,
        IReadOnlyList<ReturnModelOptions> grid,
        int innerFolds,
        ulong seed,
        Func<OrderTable, ReturnModelOptions, Func<OrderTable, double[]>> fit)
    {
        if (grid.Count == 1)
        {
            return grid[0];
        }

        var inner = StratifiedFolds.Assign(training.Returned, innerFolds, new RandomSource(seed));
        var splits = Enumerable.Range(0, innerFolds)
            .Select(j => (Fit: training.Select(Rows(inner, f => f != j)), Score: training.Select(Rows(inner, f => f == j))))
            .ToArray();
        var best = grid[0];
        var bestAuc = double.NegativeInfinity;
        foreach (var candidate in grid)
        {
            var auc = splits.Average(s => ClassificationMetrics.ComputeRocAuc(s.Score.Returned, fit(s.Fit, candidate)(s.Score)));
            if (auc > bestAuc)
            {
                (best, bestAuc) = (candidate, auc);
            }
        }

        return best;
    }

    private static int[] Rows(int[] fold, Func<int, bool> keep) => [.. Enumerable.Range(0, fold.Length).Where(i => keep(fold[i]))];

    private sealed record FoldOutcome(double RocAuc, double Brier, double Ece, ReturnModelOptions Chosen);
}
