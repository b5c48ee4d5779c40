using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The return-prediction model: an ML.NET pipeline that one-hot encodes <c>product_category</c> and <c>size_ordered</c>
/// (a category never seen in training encodes as all zeros: the order is still scored), concatenates them with the
/// seven numeric features and feeds a tree ensemble (<see cref="TreeAlgorithm"/>: FastForest, FastTree or LightGbm,
/// chosen by <see cref="ReturnModelOptions"/>). <see cref="PredictProbabilities"/> returns P(returned).
/// </summary>
public sealed class ReturnModel
{
    /// <summary>File name of the ML.NET model inside a model directory.</summary>
    public const string ModelFileName = "model.zip";

    private readonly MLContext context;
    private readonly ITransformer transformer;
    private readonly TreeEnsembleView? ensemble;
    private Lazy<ForestScorer?>? scorer;

    private ReturnModel(MLContext context, ITransformer transformer, ReturnModelOptions options)
    {
        this.context = context;
        this.transformer = transformer;
        ensemble = ForestScorer.Inspect(transformer);
        Options = options;
    }

    /// <summary>The hyper-parameters the model was trained with.</summary>
    public ReturnModelOptions Options { get; }

    /// <summary>Trains on a labelled table.</summary>
    /// <exception cref="ArgumentException">The table has no <c>returned</c> column or only one class.</exception>
    public static ReturnModel Train(OrderTable training, ReturnModelOptions? options = null)
    {
        options ??= new ReturnModelOptions();
        if (!training.HasTarget)
        {
            throw new ArgumentException($"{training.Source} has no '{OrderSchema.Target}' column: a model needs labelled orders", nameof(training));
        }

        var rate = training.ReturnRate;
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentException($"{training.Source} needs both returned and kept orders to train a model", nameof(training));
        }

        var context = new MLContext(options.Seed);
        var data = context.Data.LoadFromEnumerable(ModelInput.From(training));
        var pipeline = context.Transforms.Categorical.OneHotEncoding(
                [new InputOutputColumnPair("CategoryOneHot", nameof(ModelInput.ProductCategory)), new InputOutputColumnPair("SizeOneHot", nameof(ModelInput.SizeOrdered))])
            .Append(context.Transforms.Concatenate("Features", [.. ModelInput.NumericColumns, "CategoryOneHot", "SizeOneHot"]))
            .Append(TreeTrainers.Create(context, options));
        return new ReturnModel(context, pipeline.Fit(data), options);
    }

    /// <summary>P(returned) for every order of <paramref name="table"/>, in [0, 1], in table order. Labels are not needed.</summary>
    /// <remarks>Scored by <see cref="ForestScorer"/> (same bits, all cores, no per-order allocation) when the model allows it.</remarks>
    public double[] PredictProbabilities(OrderTable table)
    {
        if (Scorer is { } fast)
        {
            var scores = fast.Scores(table);
            var probabilities = new double[scores.Length];
            for (var i = 0; i < scores.Length; i++)
            {
                probabilities[i] = ensemble?.Calibrator is { } calibrator ? calibrator.PredictProbability(scores[i]) : ForestProbability(scores[i]);
            }

            return probabilities;
        }

        return PredictProbabilitiesWithMlNet(table);
    }

    /// <summary>Whether batch scoring uses <see cref="ForestScorer"/> rather than ML.NET's data view.</summary>
    internal bool UsesForestScorer => Scorer is not null;

    private ForestScorer? Scorer => (scorer ??= new Lazy<ForestScorer?>(() => ForestScorer.TryCreate(context, transformer))).Value;

    /// <summary>The same probabilities through ML.NET's data view (the reference path; slower).</summary>
    internal double[] PredictProbabilitiesWithMlNet(OrderTable table)
    {
        var data = context.Data.LoadFromEnumerable(ModelInput.From(table));
        var scored = transformer.Transform(data);
        // A calibrated trainer (FastTree, LightGbm) writes P(returned) to "Probability"; FastForest only writes its score.
        var calibrated = scored.Schema.GetColumnOrNull("Probability") is not null;
        var column = scored.Schema[calibrated ? "Probability" : "Score"];
        var result = new double[table.Count];
        var i = 0;
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        float value = 0;
        while (cursor.MoveNext())
        {
            getter(ref value);
            result[i++] = calibrated ? value : ForestProbability(value);
        }

        return result;
    }

    // FastForest's binary score is the sum over trees of leaf values, each the mean of ±1 labels in that leaf,
    // so score / trees = 2p − 1 with p the forest's average leaf return rate. The tree count is read from the model
    // itself, so a loaded model needs no options.
    private double ForestProbability(float score) => Math.Clamp((score / (ensemble?.Trees.Count ?? Options.Trees) + 1) / 2, 0, 1);

    /// <summary>Writes the model to <c>directory/model.zip</c>.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var schema = context.Data.LoadFromEnumerable(Array.Empty<ModelInput>()).Schema;
        context.Model.Save(transformer, schema, Path.Combine(directory, ModelFileName));
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    /// <exception cref="DataFormatException">The directory has no model or it cannot be read.</exception>
    public static ReturnModel Load(string directory, ReturnModelOptions? options = null)
    {
        var path = Path.Combine(directory, ModelFileName);
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "model file not found (run 'returnmonitor train' first)");
        }

        var context = new MLContext((options ?? new ReturnModelOptions()).Seed);
        try
        {
            var transformer = context.Model.Load(path, out _);
            return new ReturnModel(context, transformer, options ?? new ReturnModelOptions());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or InvalidDataException)
        {
            throw new DataFormatException(path, null, null, $"not a ReturnMonitor model: {e.Message}");
        }
    }
}
