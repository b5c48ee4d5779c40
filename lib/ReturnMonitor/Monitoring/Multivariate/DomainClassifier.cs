using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Multivariate drift by a domain classifier: label reference orders 0 and batch orders 1, train gradient-boosted
/// trees (ML.NET FastTree, single-threaded, seeded) to tell them apart, and measure the ROC-AUC of its out-of-fold
/// scores (k-fold, stratified). If nothing changed no model can separate them (AUC ≈ 0.5); a joint shift that leaves
/// every feature's own distribution intact (e.g. discount and delivery becoming coupled) still makes the batch
/// recognisable. Alarms when AUC ≥ max(0.5 + z·SE, floor): z = 2.326 (one-sided 1% under no drift, with SE the
/// Mann–Whitney standard error) and a floor of 0.55 so that huge batches do not alarm on negligible differences.
/// </summary>
public sealed class DomainClassifier
{
    /// <summary>One-sided z of the alarm.</summary>
    public const double AlarmZ = 2.326;

    /// <summary>Smallest AUC that alarms, whatever the sample size.</summary>
    public const double EffectFloor = 0.55;

    /// <summary>Most orders taken from each side (seeded sample).</summary>
    public int MaxRowsPerSide { get; init; } = 5000;

    /// <summary>Cross-validation folds.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Boosted trees per fold model.</summary>
    public int Trees { get; init; } = 50;

    /// <summary>Seed of sampling, folds, trees and permutations.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Whether to rank the features driving the separation (one re-scoring per feature).</summary>
    public bool ExplainDrivers { get; init; } = true;

    /// <summary>Compares a batch with the reference.</summary>
    /// <exception cref="ArgumentException">A side has fewer orders than folds.</exception>
    public MultivariateDrift Compare(OrderTable reference, OrderTable current)
    {
        var random = new RandomSource(RandomSource.DeriveSeed((ulong)Seed, "domain-classifier"));
        var left = OrderSampling.Sample(reference, MaxRowsPerSide, random);
        var right = OrderSampling.Sample(current, MaxRowsPerSide, random);
        if (left.Count < Folds || right.Count < Folds)
        {
            throw new ArgumentException($"the domain classifier needs at least {Folds} orders on each side");
        }

        var (_, models, rows, labels, fold) = FitFolds(left, right, random);
        var scores = OutOfFold(models, rows, fold);
        var auc = ClassificationMetrics.ComputeRocAuc(labels, scores);
        var drivers = ExplainDrivers ? Drivers(models, rows, labels, fold, auc, random) : [];
        double n0 = left.Count, n1 = right.Count;
        var se = Math.Sqrt((n0 + n1 + 1) / (12 * n0 * n1));
        var threshold = Math.Max(0.5 + AlarmZ * se, EffectFloor);
        return new MultivariateDrift(auc, se, threshold, auc >= threshold, left.Count, right.Count, Folds, drivers);
    }

    /// <summary>
    /// Out-of-fold probabilities P(current | order) for every row of both tables (no sampling: pass tables of the size
    /// you want scored), from the same k-fold classifier as <see cref="Compare"/> without the drivers. They give the
    /// density ratio p_current(x)/p_reference(x) = q/(1 − q) · n_reference/n_current of each row (see
    /// <see cref="ImportanceWeights"/>); each row is scored by the fold model that did not see it.
    /// </summary>
    /// <exception cref="ArgumentException">A side has fewer orders than folds.</exception>
    public DomainProbabilities Probabilities(OrderTable reference, OrderTable current)
    {
        if (reference.Count < Folds || current.Count < Folds)
        {
            throw new ArgumentException($"the domain classifier needs at least {Folds} orders on each side");
        }

        var random = new RandomSource(RandomSource.DeriveSeed((ulong)Seed, "domain-probabilities"));
        var (_, models, rows, labels, fold) = FitFolds(reference, current, random);

        var probabilities = OutOfFold(models, rows, fold, "Probability");
        var auc = ClassificationMetrics.ComputeRocAuc(labels, probabilities);
        double n0 = reference.Count, n1 = current.Count;
        var se = Math.Sqrt((n0 + n1 + 1) / (12 * n0 * n1));
        var threshold = Math.Max(0.5 + AlarmZ * se, EffectFloor);
        return new DomainProbabilities(probabilities[..reference.Count], probabilities[reference.Count..], auc, se, threshold, auc >= threshold);
    }

    // Reference rows labelled false, current rows true; stratified folds; one classifier per fold trained without it,
    // its encoding (rare categories, gap indicators) fitted on that fold's training rows only.
    private (MLContext Context, Fold[] Models, OrderTable Rows, bool[] Labels, int[] Fold) FitFolds(OrderTable reference, OrderTable current, RandomSource random)
    {
        var rows = Combine(reference, current);
        var labels = new bool[rows.Count];
        Array.Fill(labels, true, reference.Count, current.Count);
        var fold = StratifiedFolds.Assign(labels, Folds, random);
        var context = new MLContext(Seed);
        var models = new Fold[Folds];
        for (var k = 0; k < Folds; k++)
        {
            var index = Enumerable.Range(0, rows.Count).Where(i => fold[i] != k).ToArray();
            var training = rows.Select(index);
            var features = ModelFeatures.Fit(training);
            var model = features.Encoding(context).Append(Trainer(context)).Fit(features.View(training, [.. index.Select(i => labels[i])]));
            models[k] = new Fold(model, features);
        }

        return (context, models, rows, labels, fold);
    }

    /// <summary>
    /// Both sides as one table of the features they share (same name and kind, in the reference's order), without the
    /// features that hold one value on both sides: a constant column cannot tell the sides apart, so it is neither a
    /// feature of the classifier nor ever named as a driver. A column constant at different values on the two sides
    /// is kept: it separates them perfectly, which is drift.
    /// </summary>
    internal static OrderTable Combine(OrderTable reference, OrderTable current)
    {
        var numeric = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var categorical = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var features = new List<FeatureDefinition>();
        foreach (var feature in reference.Features.Where(f => current.Features.Any(c => c.Name == f.Name && c.Kind == f.Kind)))
        {
            if (feature.Kind == FeatureKind.Numeric)
            {
                double[] column = [.. reference.Numeric(feature.Name), .. current.Numeric(feature.Name)];
                if (column.Distinct().Skip(1).Any())
                {
                    numeric[feature.Name] = column;
                    features.Add(feature);
                }
            }
            else
            {
                string[] column = [.. reference.Categorical(feature.Name), .. current.Categorical(feature.Name)];
                if (column.Distinct(StringComparer.Ordinal).Skip(1).Any())
                {
                    categorical[feature.Name] = column;
                    features.Add(feature);
                }
            }
        }

        if (features.Count == 0)
        {
            throw new ArgumentException("the domain classifier needs a feature that is not constant on both sides");
        }

        return new OrderTable($"{reference.Source} + {current.Source}", features, numeric, categorical, null);
    }

    private IEstimator<ITransformer> Trainer(MLContext context) =>
        context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = Seed,
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
        });

    private double[] OutOfFold(Fold[] models, OrderTable rows, int[] fold, string columnName = "Score")
    {
        var scores = new double[rows.Count];
        for (var k = 0; k < Folds; k++)
        {
            var index = Enumerable.Range(0, rows.Count).Where(i => fold[i] == k).ToArray();
            var scored = models[k].Model.Transform(models[k].Features.View(rows.Select(index)));
            var column = scored.Schema[columnName];
            using var cursor = scored.GetRowCursor([column]);
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            var position = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                scores[index[position++]] = value;
            }
        }

        return scores;
    }

    private List<FeatureImportance> Drivers(Fold[] models, OrderTable rows, bool[] labels, int[] fold, double auc, RandomSource random)
    {
        var result = new List<FeatureImportance>();
        foreach (var feature in rows.NumericFeatures.Concat(rows.CategoricalFeatures))
        {
            var permutation = Enumerable.Range(0, rows.Count).ToArray();
            for (var i = permutation.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(0, i + 1);
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }

            OrderTable shuffled;
            if (feature.Kind == FeatureKind.Numeric)
            {
                var column = rows.Numeric(feature.Name).ToArray();
                shuffled = rows.WithNumeric(feature.Name, [.. permutation.Select(i => column[i])]);
            }
            else
            {
                var column = rows.Categorical(feature.Name);
                shuffled = rows.WithCategorical(feature.Name, [.. permutation.Select(i => column[i])]);
            }

            var drop = auc - ClassificationMetrics.ComputeRocAuc(labels, OutOfFold(models, shuffled, fold));
            result.Add(new FeatureImportance(feature.Name, drop, 0));
        }

        return result.OrderByDescending(f => f.RocAucDrop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToList();
    }

    private sealed record Fold(ITransformer Model, ModelFeatures Features);
}
