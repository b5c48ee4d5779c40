using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Modeling;

/// <summary>
/// Batch scoring of the trained forest without ML.NET's row-by-row data-view machinery: the trees are copied once into flat
/// arrays and walked on a dense feature vector built straight from the table's columns, slices of rows on all cores.
/// Reproduces ML.NET's arithmetic exactly — features as float, "value ≤ threshold goes left", leaf values summed in double
/// in tree order, the sum cast to float — so the scores are bit-identical (checked by the tests against the ML.NET path).
/// Built only when the model is the expected pipeline (numeric columns, missing indicators and one-hot categories feeding a tree ensemble —
/// FastForest, FastTree or LightGbm — with numerical splits only, unit tree weights and no bias); otherwise <see cref="TryCreate"/> returns null and the ML.NET path is used.
/// </summary>
internal sealed class ForestScorer
{
    private const int SliceSize = 16_384;

    private readonly ModelFeatures features;
    private readonly int featureCount;
    private readonly int[] numericSlot;                    // slot of each numeric feature of the model
    private readonly int[] indicatorSlot;                  // slot of its missing indicator, −1 if it has none
    private readonly float[] replacement;                  // the value a gap is replaced by (features with an indicator)
    private readonly Dictionary<string, int>[] categorySlot; // per categorical feature: category → one-hot slot
    private readonly Tree[] trees;

    private ForestScorer(ModelFeatures features, int featureCount, int[] numericSlot, int[] indicatorSlot, float[] replacement, Dictionary<string, int>[] categorySlot, Tree[] trees)
    {
        this.features = features;
        this.featureCount = featureCount;
        this.numericSlot = numericSlot;
        this.indicatorSlot = indicatorSlot;
        this.replacement = replacement;
        this.categorySlot = categorySlot;
        this.trees = trees;
    }

    /// <summary>
    /// The tree ensemble at the end of a fitted or loaded pipeline and the calibrator ML.NET applies to its score (null for
    /// FastForest, whose score is mapped to a probability by <see cref="ReturnModel"/>); null when the last step is not a tree ensemble.
    /// </summary>
    public static TreeEnsembleView? Inspect(ITransformer transformer)
    {
        // A fitted pipeline is a TransformerChain<the predictor>, a loaded one a TransformerChain<ITransformer>: both enumerate their steps.
        if (transformer is not IEnumerable<ITransformer> chain
            || chain.LastOrDefault() is not ISingleFeaturePredictionTransformer<object> predictor)
        {
            return null;
        }

        // FastTree and LightGbm come wrapped with the Platt calibrator that turns their summed tree outputs into P(returned).
        var (model, calibrator) = predictor.Model is CalibratedModelParametersBase calibrated
            ? (calibrated.SubModel, calibrated.Calibrator)
            : (predictor.Model, null);

        // FastForest keeps quantile regression trees, FastTree and LightGbm plain ones; all score as the weighted sum of their leaf values plus a bias.
        return model switch
        {
            TreeEnsembleModelParametersBasedOnQuantileRegressionTree q => new TreeEnsembleView(q.TrainedTreeEnsemble.Trees, q.TrainedTreeEnsemble.TreeWeights, q.TrainedTreeEnsemble.Bias, calibrator, predictor.FeatureColumnName),
            TreeEnsembleModelParametersBasedOnRegressionTree r => new TreeEnsembleView(r.TrainedTreeEnsemble.Trees, r.TrainedTreeEnsemble.TreeWeights, r.TrainedTreeEnsemble.Bias, calibrator, predictor.FeatureColumnName),
            _ => null,
        };
    }

    /// <summary>
    /// The scorer of a fitted pipeline whose features are encoded as <paramref name="features"/> says, or null when
    /// its shape is not the one this class knows. The feature vector's layout is rebuilt from the encoding (numeric
    /// slots, indicator slots, one-hot blocks in concatenation order) and checked against the vector's real size; the
    /// value that replaces a gap is read from the pipeline itself by scoring one order whose every cell is missing.
    /// </summary>
    public static ForestScorer? TryCreate(ITransformer transformer, ModelFeatures features)
    {
        try
        {
            if (Inspect(transformer) is not { } forest || forest.Bias != 0)
            {
                return null;
            }

            var output = transformer.GetOutputSchema(features.InputSchema());
            var featureColumn = output[forest.FeatureColumnName];
            if (featureColumn.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector || !vector.IsKnownSize)
            {
                return null;
            }

            var slot = 0;
            var numericSlot = features.Numeric.Select(_ => slot++).ToArray();
            var indicatorSlot = features.Numeric.Select(f => features.WithIndicator.Contains(f.Name) ? slot++ : -1).ToArray();
            var categorySlot = new Dictionary<string, int>[features.Categorical.Count];
            for (var c = 0; c < categorySlot.Length; c++)
            {
                var names = ModelFeatures.SlotNames(output[ModelColumns.OneHot(features.Categorical[c])]);
                categorySlot[c] = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    categorySlot[c][name] = slot++;
                }
            }

            if (slot != vector.Size)
            {
                return null;
            }

            var replacement = Replacements(transformer, features, forest.FeatureColumnName, numericSlot, indicatorSlot);
            var trees = new Tree[forest.Trees.Count];
            for (var t = 0; t < trees.Length; t++)
            {
                var tree = forest.Trees[t];
                if (tree.CategoricalSplitFlags.Any(f => f) || forest.Weights[t] != 1)
                {
                    return null;
                }

                trees[t] = new Tree(
                    tree.NumericalSplitFeatureIndexes.ToArray(),
                    tree.NumericalSplitThresholds.ToArray(),
                    tree.LeftChild.ToArray(),
                    tree.RightChild.ToArray(),
                    tree.LeafValues.ToArray());
            }

            return new ForestScorer(features, vector.Size, numericSlot, indicatorSlot, replacement, categorySlot, trees);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The raw forest score (what ML.NET's "Score" column holds) of every order, in table order.</summary>
    public float[] Scores(OrderTable table)
    {
        var count = table.Count;
        var result = new float[count];
        var numeric = features.Numeric.Select(f => table.Numeric(f.Name).ToArray()).ToArray();
        var categorical = features.Categorical.Select(f => table.Categorical(f.Name)).ToArray();
        var other = categorySlot.Select(slots => slots.TryGetValue(DatasetSchema.OtherCategory, out var s) ? s : -1).ToArray();
        var slices = (count + SliceSize - 1) / SliceSize;
        Parallel.For(0, slices, () => new float[featureCount], (slice, _, vector) =>
        {
            var end = Math.Min(count, (slice + 1) * SliceSize);
            for (var row = slice * SliceSize; row < end; row++)
            {
                Array.Clear(vector);
                for (var k = 0; k < numericSlot.Length; k++)
                {
                    var value = (float)numeric[k][row];
                    if (indicatorSlot[k] >= 0 && float.IsNaN(value))
                    {
                        value = replacement[k];
                        vector[indicatorSlot[k]] = 1;
                    }

                    vector[numericSlot[k]] = value;
                }

                for (var c = 0; c < categorySlot.Length; c++)
                {
                    // A category without a slot scores as the rare bucket when the model has one, else as all zeros
                    // (ML.NET's one-hot of an unseen value); a missing one (empty) is all zeros.
                    var category = categorical[c][row];
                    if (categorySlot[c].TryGetValue(category, out var slot))
                    {
                        vector[slot] = 1;
                    }
                    else if (other[c] >= 0 && category.Length > 0)
                    {
                        vector[other[c]] = 1;
                    }
                }

                result[row] = Score(vector);
            }

            return vector;
        }, _ => { });
        return result;
    }

    // The pipeline's replacement of a gap, per numeric feature with an indicator (NaN elsewhere): the feature vector of
    // one order whose every cell is missing, as ML.NET computes it.
    private static float[] Replacements(ITransformer transformer, ModelFeatures features, string featureColumn, int[] numericSlot, int[] indicatorSlot)
    {
        var replacement = Enumerable.Repeat(float.NaN, numericSlot.Length).ToArray();
        if (indicatorSlot.All(s => s < 0))
        {
            return replacement;
        }

        var probe = new OrderTable(
            "probe",
            [.. features.All],
            features.Numeric.ToDictionary(f => f.Name, _ => new[] { double.NaN }),
            features.Categorical.ToDictionary(f => f.Name, _ => new[] { OrderTable.MissingCategory }),
            null);
        var scored = transformer.Transform(features.View(probe));
        var column = scored.Schema[featureColumn];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> vector = default;
        cursor.MoveNext();
        getter(ref vector);
        var dense = vector.DenseValues().ToArray();
        for (var k = 0; k < numericSlot.Length; k++)
        {
            if (indicatorSlot[k] >= 0)
            {
                replacement[k] = dense[numericSlot[k]];
            }
        }

        return replacement;
    }

    // The trees' outputs added in tree order, in double, the sum cast to float: ML.NET's arithmetic.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float Score(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        foreach (var tree in trees)
        {
            var nodes = tree.Nodes;
            if (nodes.Length == 0)
            {
                continue; // a tree without splits: ML.NET scores it 0
            }

            var node = 0;
            do
            {
                ref readonly var n = ref nodes[node];
                node = features[n.Feature] <= n.Threshold ? n.LessOrEqual : n.Greater;
            }
            while (node >= 0);

            sum += tree.Leaves[~node];
        }

        return (float)sum;
    }

    private readonly record struct Node(int Feature, float Threshold, int LessOrEqual, int Greater);

    private sealed class Tree(int[] feature, float[] threshold, int[] lessOrEqual, int[] greater, double[] leaves)
    {
        public Node[] Nodes { get; } = feature.Select((f, i) => new Node(f, threshold[i], lessOrEqual[i], greater[i])).ToArray();

        public double[] Leaves { get; } = leaves;
    }
}
