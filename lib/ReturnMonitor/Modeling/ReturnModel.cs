using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The return-prediction model: an ML.NET pipeline built from the training table's own features
/// (<see cref="ModelFeatures"/>: numerics as floats, gaps replaced by the mean with a missing indicator, categoricals
/// one-hot with a rare bucket) feeding a tree ensemble (<see cref="TreeAlgorithm"/>: FastForest, FastTree or LightGbm,
/// chosen by <see cref="ReturnModelOptions"/>). <see cref="PredictProbabilities"/> returns P(returned) for any table
/// holding the model's features (by name; other columns are ignored).
/// </summary>
public sealed class ReturnModel
{
    /// <summary>File name of the ML.NET model inside a model directory.</summary>
    public const string ModelFileName = "model.zip";

    private readonly MLContext context;
    private readonly ITransformer transformer;
    private readonly TreeEnsembleView? ensemble;
    private readonly ModelFeatures features;
    private Lazy<ForestScorer?>? scorer;

    private ReturnModel(MLContext context, ITransformer transformer, ModelFeatures features, ReturnModelOptions options)
    {
        this.context = context;
        this.transformer = transformer;
        this.features = features;
        ensemble = ForestScorer.Inspect(transformer);
        Options = options;
    }

    /// <summary>The features the model reads, numeric then categorical, each in the training table's order.</summary>
    public IReadOnlyList<FeatureDefinition> Features => [.. features.All];

    /// <summary>The hyper-parameters the model was trained with.</summary>
    public ReturnModelOptions Options { get; }

    /// <summary>Trains on a labelled table.</summary>
    /// <exception cref="ArgumentException">The table has no <c>returned</c> column or only one class.</exception>
    public static ReturnModel Train(OrderTable training, ReturnModelOptions? options = null)
    {
        options ??= new ReturnModelOptions();
        if (!training.HasTarget)
        {
            throw new ArgumentException($"{training.Source} has no target column: a model needs labelled orders", nameof(training));
        }

        var rate = training.ReturnRate;
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentException($"{training.Source} needs both returned and kept orders to train a model", nameof(training));
        }

        if (training.Features.Count == 0)
        {
            throw new ArgumentException($"{training.Source} has no feature to train on", nameof(training));
        }

        var context = new MLContext(options.Seed);
        var features = ModelFeatures.Fit(training);
        var pipeline = features.Encoding(context).Append(TreeTrainers.Create(context, options));
        return new ReturnModel(context, pipeline.Fit(features.View(training)), features, options);
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

    private ForestScorer? Scorer => (scorer ??= new Lazy<ForestScorer?>(() => ForestScorer.TryCreate(transformer, features))).Value;

    /// <summary>The same probabilities through ML.NET's data view (the reference path; slower).</summary>
    internal double[] PredictProbabilitiesWithMlNet(OrderTable table)
    {
        var scored = transformer.Transform(features.View(table));
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
        context.Model.Save(transformer, features.InputSchema(), Path.Combine(directory, ModelFileName));
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
            // The features come from the model's own input columns: a folder needs no schema to be scored.
            var transformer = context.Model.Load(path, out var inputSchema);
            return new ReturnModel(context, transformer, ModelFeatures.Read(transformer, inputSchema), options ?? new ReturnModelOptions());
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or InvalidDataException or ArgumentException)
        {
            throw new DataFormatException(path, null, null, $"not a ReturnMonitor model: {e.Message}");
        }
    }
}
