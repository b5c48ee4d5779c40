using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// Batch scoring of the trained forest without ML.NET's row-by-row data-view machinery: the trees are copied once into flat
/// arrays and walked on a dense feature vector built straight from the table's columns, slices of rows on all cores.
/// Reproduces ML.NET's arithmetic exactly — features as float, "value ≤ threshold goes left", leaf values summed in double
/// in tree order, the sum cast to float — so the scores are bit-identical (checked by the tests against the ML.NET path).
/// Built only when the model is the expected pipeline (numeric columns and one-hot categories feeding a tree ensemble —
/// FastForest, FastTree or LightGbm — with numerical splits only, unit tree weights and no bias); otherwise <see cref="TryCreate"/> returns null and the ML.NET path is used.
/// </summary>
internal sealed class ForestScorer
{
    private const int SliceSize = 16_384;

    private readonly int featureCount;
    private readonly int[] numericSlot;                    // slot of each numeric feature of the schema, −1 if unused
    private readonly Dictionary<string, int>[] categorySlot; // per categorical feature: category → one-hot slot
    private readonly Tree[] trees;

    private ForestScorer(int featureCount, int[] numericSlot, Dictionary<string, int>[] categorySlot, Tree[] trees)
    {
        this.featureCount = featureCount;
        this.numericSlot = numericSlot;
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

    /// <summary>The scorer of a fitted pipeline, or null when its shape is not the one this class knows.</summary>
    public static ForestScorer? TryCreate(MLContext context, ITransformer transformer)
    {
        try
        {
            if (Inspect(transformer) is not { } forest || forest.Bias != 0)
            {
                return null;
            }

            var inputSchema = context.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;
            var featureColumn = transformer.GetOutputSchema(inputSchema)[forest.FeatureColumnName];
            if (featureColumn.Type is not VectorDataViewType { ItemType: NumberDataViewType } vector || !vector.IsKnownSize)
            {
                return null;
            }

            VBuffer<ReadOnlyMemory<char>> names = default;
            featureColumn.GetSlotNames(ref names);
            var slotNames = names.DenseValues().Select(n => n.ToString()).ToArray();
            var numericSlot = Enumerable.Repeat(-1, OrderSchema.NumericFeatures.Count).ToArray();
            var categorySlot = OrderSchema.CategoricalFeatures.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            string[] oneHotPrefixes = ["CategoryOneHot.", "SizeOneHot."];
            for (var slot = 0; slot < slotNames.Length; slot++)
            {
                var numeric = Array.IndexOf(ModelInput.NumericColumns, slotNames[slot]);
                if (numeric >= 0)
                {
                    numericSlot[numeric] = slot;
                    continue;
                }

                var mapped = false;
                for (var c = 0; c < oneHotPrefixes.Length; c++)
                {
                    if (slotNames[slot].StartsWith(oneHotPrefixes[c], StringComparison.Ordinal))
                    {
                        categorySlot[c][slotNames[slot][oneHotPrefixes[c].Length..]] = slot;
                        mapped = true;
                    }
                }

                if (!mapped)
                {
                    return null;
                }
            }

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

            return new ForestScorer(slotNames.Length, numericSlot, categorySlot, trees);
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
        var numeric = OrderSchema.NumericFeatures.Select(f => table.Numeric(f.Name).ToArray()).ToArray();
        var categorical = OrderSchema.CategoricalFeatures.Select(f => table.Categorical(f.Name)).ToArray();
        var slices = (count + SliceSize - 1) / SliceSize;
        Parallel.For(0, slices, () => new float[featureCount], (slice, _, features) =>
        {
            var end = Math.Min(count, (slice + 1) * SliceSize);
            for (var row = slice * SliceSize; row < end; row++)
            {
                Array.Clear(features);
                for (var k = 0; k < numericSlot.Length; k++)
                {
                    if (numericSlot[k] >= 0)
                    {
                        features[numericSlot[k]] = (float)numeric[k][row];
                    }
                }

                for (var c = 0; c < categorySlot.Length; c++)
                {
                    // A category never seen in training has no slot: all zeros, as ML.NET's one-hot encoding gives.
                    if (categorySlot[c].TryGetValue(categorical[c][row], out var slot))
                    {
                        features[slot] = 1;
                    }
                }

                result[row] = Score(features);
            }

            return features;
        }, _ => { });
        return result;
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
