using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>The training recipe: stratified 80/20 split with a fixed seed, fit, evaluate on the 20%, permutation importance.</summary>
public static class ModelTrainer
{
    /// <summary>Share of orders held out for testing.</summary>
    public const double TestFraction = 0.2;

    /// <summary>Splits, trains and evaluates.</summary>
    public static (ReturnModel Model, TrainingReport Report, OrderTable Test) TrainAndEvaluate(OrderTable data, ReturnModelOptions? options = null, int importanceRepeats = 5)
    {
        options ??= new ReturnModelOptions();
        var (train, test) = StratifiedSplit(data, TestFraction, (ulong)options.Seed);
        var model = ReturnModel.Train(train, options);
        var probabilities = model.PredictProbabilities(test);
        var metrics = ClassificationMetrics.Compute(test.Returned, probabilities);
        var importance = PermutationImportance(model, test, metrics.RocAuc, importanceRepeats, (ulong)options.Seed);
        return (model, new TrainingReport(train.Count, test.Count, metrics, importance, options), test);
    }

    /// <summary>
    /// Splits a labelled table so that both parts keep its return rate: within each class, a seeded shuffle puts
    /// round(fraction·class size) orders into the test part. Both parts keep the original row order.
    /// </summary>
    public static (OrderTable Train, OrderTable Test) StratifiedSplit(OrderTable data, double testFraction, ulong seed)
    {
        var random = new RandomSource(RandomSource.DeriveSeed(seed, "split"));
        var isTest = new bool[data.Count];
        foreach (var label in new[] { false, true })
        {
            var members = new List<int>();
            for (var i = 0; i < data.Count; i++)
            {
                if (data.Returned[i] == label)
                {
                    members.Add(i);
                }
            }

            Shuffle(members, random);
            var take = (int)Math.Round(testFraction * members.Count, MidpointRounding.AwayFromZero);
            for (var k = 0; k < take; k++)
            {
                isTest[members[k]] = true;
            }
        }

        var trainIndex = Enumerable.Range(0, data.Count).Where(i => !isTest[i]).ToArray();
        var testIndex = Enumerable.Range(0, data.Count).Where(i => isTest[i]).ToArray();
        return (data.Select(trainIndex, data.Source + " (train split)"), data.Select(testIndex, data.Source + " (test split)"));
    }

    /// <summary>
    /// For each feature, shuffles its column in <paramref name="test"/> <paramref name="repeats"/> times and records the ROC-AUC drop.
    /// Computed on the raw features (not the one-hot columns), so each categorical feature gets one number.
    /// </summary>
    public static IReadOnlyList<FeatureImportance> PermutationImportance(ReturnModel model, OrderTable test, double baselineAuc, int repeats, ulong seed)
    {
        var random = new RandomSource(RandomSource.DeriveSeed(seed, "importance"));
        var result = new List<FeatureImportance>();
        foreach (var feature in model.Features)
        {
            var drops = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                var permutation = Enumerable.Range(0, test.Count).ToList();
                Shuffle(permutation, random);
                OrderTable shuffled;
                if (feature.Kind == FeatureKind.Numeric)
                {
                    var column = test.Numeric(feature.Name).ToArray();
                    shuffled = test.WithNumeric(feature.Name, permutation.Select(i => column[i]).ToArray());
                }
                else
                {
                    var column = test.Categorical(feature.Name);
                    shuffled = test.WithCategorical(feature.Name, permutation.Select(i => column[i]).ToArray());
                }

                drops[r] = baselineAuc - ClassificationMetrics.ComputeRocAuc(test.Returned, model.PredictProbabilities(shuffled));
            }

            var mean = drops.Average();
            var sd = repeats > 1 ? Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (repeats - 1)) : 0;
            result.Add(new FeatureImportance(feature.Name, mean, sd));
        }

        return result.OrderByDescending(f => f.RocAucDrop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToArray();
    }

    private static void Shuffle(List<int> items, RandomSource random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.NextInt(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
