using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Everything <c>returnmonitor train</c> writes, as one unit: the model (<c>model.zip</c>), its training report
/// (<c>training.json</c>: held-out metrics, importances, hyper-parameters), the reference profile (<c>profile.json</c>),
/// the model-aware monitor (<c>monitoring.json</c>, <c>reference-sample.csv</c>) and the labelled test split (<c>held-out.csv</c>, optional: older folders load without it). The CLI, the demo and the
/// notebooks all save and load a model folder through this class, so a folder saved anywhere works everywhere.
/// </summary>
/// <param name="Model">The return model.</param>
/// <param name="Training">Held-out metrics and importances from training.</param>
/// <param name="Profile">Exact summaries of the whole training file.</param>
/// <param name="Monitor">Calibration, held-out orders and scores, and reference sample for model-aware monitoring.</param>
public sealed record ModelDirectory(ReturnModel Model, TrainingReport Training, ReferenceProfile Profile, ModelMonitor Monitor)
{
    /// <summary>File name of the reference profile.</summary>
    public const string ProfileFileName = "profile.json";

    /// <summary>File name of the training report.</summary>
    public const string TrainingFileName = "training.json";

    /// <summary>The files a complete folder holds (the reference sample is optional).</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = [ReturnModel.ModelFileName, ProfileFileName, TrainingFileName, ModelMonitor.FileName];

    /// <summary>
    /// The training recipe end to end: stratified 80/20 split, fit, held-out evaluation, then the monitor (calibration on
    /// the held-out split, a reference sample) and the profile of the whole file.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unlabelled or has a single class.</exception>
    public static ModelDirectory Train(OrderTable data, ReturnModelOptions? options = null)
    {
        var (model, report, test) = ModelTrainer.TrainAndEvaluate(data, options);
        return new ModelDirectory(model, report, ReferenceProfile.Fit(data), ModelMonitor.Fit(model, test, data));
    }

    /// <summary>
    /// What <c>train</c> and <c>demo</c> do: reads a labelled order file (CSV or Parquet), trains on it as
    /// <see cref="Train"/> does (the profile fitted on the whole file) and saves the folder to <paramref name="outDirectory"/>.
    /// </summary>
    /// <param name="dataPath">The training orders; they must have the target column.</param>
    /// <param name="outDirectory">The model folder to write (created, older files replaced).</param>
    /// <param name="progress">Receives a line before training and one after saving; null for silence.</param>
    /// <exception cref="DataFormatException">The file is missing or malformed.</exception>
    /// <exception cref="ArgumentException">The file has no target column, or a single class.</exception>
    public static ModelDirectory TrainFile(string dataPath, string outDirectory, Action<string>? progress = null)
    {
        var table = OrderFile.Read(dataPath);
        if (!table.HasTarget)
        {
            throw new ArgumentException($"{dataPath} has no '{OrderSchema.Target}' column: training needs labelled orders");
        }

        progress?.Invoke($"training on {table.Count} orders from {dataPath}…");
        var folder = Train(table);
        folder.Save(outDirectory);
        progress?.Invoke($"wrote {outDirectory}: {string.Join(", ", RequiredFiles)}, {ModelMonitor.SampleFileName}");
        return folder;
    }

    /// <summary>Writes every file of the folder (creating it), replacing older ones.</summary>
    public void Save(string directory)
    {
        Model.Save(directory);
        Monitor.Save(directory);
        Profile.Save(Path.Combine(directory, ProfileFileName));
        File.WriteAllText(Path.Combine(directory, TrainingFileName), JsonSerializer.Serialize(Training, JsonDefaults.Options) + "\n");
    }

    /// <summary>Loads a folder written by <see cref="Save"/> (or by <c>returnmonitor train</c>).</summary>
    /// <exception cref="DataFormatException">The folder is missing, incomplete, or a file in it is malformed.</exception>
    public static ModelDirectory Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DataFormatException(directory, null, null, "model folder not found (write one with 'returnmonitor train')");
        }

        var missing = RequiredFiles.Where(f => !File.Exists(Path.Combine(directory, f))).ToArray();
        // Folders written before training.json existed kept the report inside profile.json.
        var legacyTraining = missing.SequenceEqual([TrainingFileName]) ? LegacyTraining(directory) : null;
        if (missing.Length > 0 && legacyTraining is null)
        {
            throw new DataFormatException(directory, null, null, $"incomplete model folder: missing {string.Join(", ", missing)} (rewrite it with 'returnmonitor train')");
        }

        var model = ReturnModel.Load(directory);
        var training = legacyTraining ?? LoadTraining(Path.Combine(directory, TrainingFileName));
        var profile = ReferenceProfile.Load(Path.Combine(directory, ProfileFileName));
        return new ModelDirectory(model, training, profile, ModelMonitor.Load(directory, model));
    }

    private static TrainingReport LoadTraining(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingReport>(File.ReadAllText(path), JsonDefaults.Options)
                ?? throw new JsonException("empty document");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, $"not a ReturnMonitor training report: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static TrainingReport? LegacyTraining(string directory)
    {
        var path = Path.Combine(directory, ProfileFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?["training"]?.Deserialize<TrainingReport>(JsonDefaults.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
