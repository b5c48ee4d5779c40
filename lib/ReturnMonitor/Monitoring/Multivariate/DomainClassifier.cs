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

        var (context, models, rows, labels, fold) = FitFolds(left, right, random);
        var scores = OutOfFold(context, models, rows, fold);
        var auc = ClassificationMetrics.ComputeRocAuc(labels, scores);
        var drivers = ExplainDrivers ? Drivers(context, models, rows, labels, fold, auc, random) : [];
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
        var (context, models, rows, labels, fold) = FitFolds(reference, current, random);

        var probabilities = OutOfFold(context, models, rows, fold, "Probability");
        var auc = ClassificationMetrics.ComputeRocAuc(labels, probabilities);
        double n0 = reference.Count, n1 = current.Count;
        var se = Math.Sqrt((n0 + n1 + 1) / (12 * n0 * n1));
        var threshold = Math.Max(0.5 + AlarmZ * se, EffectFloor);
        return new DomainProbabilities(probabilities[..reference.Count], probabilities[reference.Count..], auc, se, threshold, auc >= threshold);
    }

    // Reference rows labelled false, current rows true; stratified folds; one classifier per fold trained without it.
    private (MLContext Context, ITransformer[] Models, ModelInput[] Rows, bool[] Labels, int[] Fold) FitFolds(OrderTable reference, OrderTable current, RandomSource random)
    {
        var rows = ModelInput.From(reference).Select(r => { r.Returned = false; return r; })
            .Concat(ModelInput.From(current).Select(r => { r.Returned = true; return r; }))
            .ToArray();
        var labels = rows.Select(r => r.Returned).ToArray();
        var fold = StratifiedFolds.Assign(labels, Folds, random);
        var context = new MLContext(Seed);
        var models = new ITransformer[Folds];
        for (var k = 0; k < Folds; k++)
        {
            models[k] = Pipeline(context).Fit(context.Data.LoadFromEnumerable(rows.Where((_, i) => fold[i] != k)));
        }

        return (context, models, rows, labels, fold);
    }

    private IEstimator<ITransformer> Pipeline(MLContext context) =>
        context.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("CategoryOneHot", nameof(ModelInput.ProductCategory)), new InputOutputColumnPair("SizeOneHot", nameof(ModelInput.SizeOrdered))])
            .Append(context.Transforms.Concatenate("Features", [.. ModelInput.NumericColumns, "CategoryOneHot", "SizeOneHot"]))
            .Append(context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = Trees,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 20,
                LearningRate = 0.1,
                NumberOfThreads = 1,
                Seed = Seed,
                LabelColumnName = "Label",
                FeatureColumnName = "Features",
            }));

    private double[] OutOfFold(MLContext context, ITransformer[] models, ModelInput[] rows, int[] fold, string columnName = "Score")
    {
        var scores = new double[rows.Length];
        for (var k = 0; k < Folds; k++)
        {
            var index = Enumerable.Range(0, rows.Length).Where(i => fold[i] == k).ToArray();
            var scored = models[k].Transform(context.Data.LoadFromEnumerable(index.Select(i => rows[i])));
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

    private List<FeatureImportance> Drivers(MLContext context, ITransformer[] models, ModelInput[] rows, bool[] labels, int[] fold, double auc, RandomSource random)
    {
        var result = new List<FeatureImportance>();
        foreach (var feature in OrderSchema.Features)
        {
            var permutation = Enumerable.Range(0, rows.Length).ToArray();
            for (var i = permutation.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(0, i + 1);
                (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
            }

            var shuffled = rows.Select((r, i) => Shuffle(r, rows[permutation[i]], feature.Name)).ToArray();
            var drop = auc - ClassificationMetrics.ComputeRocAuc(labels, OutOfFold(context, models, shuffled, fold));
            result.Add(new FeatureImportance(feature.Name, drop, 0));
        }

        return result.OrderByDescending(f => f.RocAucDrop).ThenBy(f => f.Feature, StringComparer.Ordinal).ToList();
    }

    private static ModelInput Shuffle(ModelInput row, ModelInput donor, string feature)
    {
        var copy = new ModelInput
        {
            ProductPrice = row.ProductPrice,
            CustomerPurchaseHistory = row.CustomerPurchaseHistory,
            ReviewRating = row.ReviewRating,
            DeliveryTimeDays = row.DeliveryTimeDays,
            DiscountPercentage = row.DiscountPercentage,
            PreviousReturns = row.PreviousReturns,
            DaysSincePurchase = row.DaysSincePurchase,
            ProductCategory = row.ProductCategory,
            SizeOrdered = row.SizeOrdered,
            Returned = row.Returned,
        };
        switch (feature)
        {
            case OrderSchema.ProductPrice: copy.ProductPrice = donor.ProductPrice; break;
            case OrderSchema.CustomerPurchaseHistory: copy.CustomerPurchaseHistory = donor.CustomerPurchaseHistory; break;
            case OrderSchema.ReviewRating: copy.ReviewRating = donor.ReviewRating; break;
            case OrderSchema.DeliveryTimeDays: copy.DeliveryTimeDays = donor.DeliveryTimeDays; break;
            case OrderSchema.DiscountPercentage: copy.DiscountPercentage = donor.DiscountPercentage; break;
            case OrderSchema.PreviousReturns: copy.PreviousReturns = donor.PreviousReturns; break;
            case OrderSchema.DaysSincePurchase: copy.DaysSincePurchase = donor.DaysSincePurchase; break;
            case OrderSchema.ProductCategory: copy.ProductCategory = donor.ProductCategory; break;
            default: copy.SizeOrdered = donor.SizeOrdered; break;
        }

        return copy;
    }
}
