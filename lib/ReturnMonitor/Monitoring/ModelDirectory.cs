using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Everything <c>returnmonitor train</c> writes, as one unit: the model (<c>model.zip</c>), its training report
/// (<c>training.json</c>: held-out metrics, importances, hyper-parameters), the reference profile (<c>profile.json</c>),
/// the model-aware monitor (<c>monitoring.json</c>, <c>reference-sample.csv</c>), the labelled test split (<c>held-out.csv</c>, optional: older folders load without it)
/// and the table's schema (<c>schema.json</c>: roles and meanings, the file later batches are read against; a folder
/// without one was written for the demo's table and is read with <see cref="DemoSchema"/>). The CLI, the demo and the
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

    /// <summary>File name of the table's schema (<see cref="SchemaFile"/>).</summary>
    public const string SchemaFileName = "schema.json";

    /// <summary>The schema of the table the model was trained on: its meanings drive the money (<c>price</c>) and the findings.</summary>
    public DatasetSchema Schema { get; init; } = DemoSchema.Schema;

    /// <summary>The files a complete folder holds (the reference sample is optional).</summary>
    public static IReadOnlyList<string> RequiredFiles { get; } = [ReturnModel.ModelFileName, ProfileFileName, TrainingFileName, ModelMonitor.FileName];

    /// <summary>
    /// The training recipe end to end: stratified 80/20 split, fit, held-out evaluation, then the monitor (calibration on
    /// the held-out split, a reference sample) and the profile of the whole file.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unlabelled or has a single class.</exception>
    public static ModelDirectory Train(OrderTable data, ReturnModelOptions? options = null) =>
        Train(data, DemoSchema.For(data), options);

    /// <summary>
    /// <see cref="Train(OrderTable, ReturnModelOptions?)"/> for a table read against <paramref name="schema"/>: the model
    /// reads the table's features (every one must be a feature of the schema, of the same kind), the money its
    /// <c>price</c> meaning (a flat cost per return without one), and the schema is saved with the folder.
    /// </summary>
    /// <exception cref="ArgumentException">The table is unlabelled, has a single class, or does not match the schema.</exception>
    public static ModelDirectory Train(OrderTable data, DatasetSchema schema, ReturnModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var feature in data.Features)
        {
            var column = schema.Find(feature.Name);
            var role = feature.Kind == FeatureKind.Numeric ? ColumnRole.Numeric : ColumnRole.Categorical;
            if (column is null || column.Role != role)
            {
                throw new ArgumentException($"{data.Source}: feature '{feature.Name}' is not a {SchemaNames.Name(role)} column of the schema");
            }
        }

        var price = schema.WithMeaning(ColumnMeaning.Price)?.Name;
        if (price is not null && !data.NumericFeatures.Any(f => f.Name == price))
        {
            price = null; // the schema's price is not among the table's features (ignored on reading): a flat cost
        }

        var (model, report, test) = ModelTrainer.TrainAndEvaluate(data, options);
        return new ModelDirectory(model, report, ReferenceProfile.Fit(data), ModelMonitor.Fit(model, test, data, price)) { Schema = schema };
    }

    /// <summary>
    /// What <c>train --data FILE --target COL</c> does with a table already read against its schema (the readers build
    /// it): trains as <see cref="Train(OrderTable, DatasetSchema, ReturnModelOptions?)"/> and saves the folder, with
    /// <c>schema.json</c>, to <paramref name="outDirectory"/>.
    /// </summary>
    /// <param name="table">The labelled orders, read against <paramref name="schema"/>.</param>
    /// <param name="schema">The table's schema: its target names the label, its meanings drive money and findings.</param>
    /// <param name="outDirectory">The model folder to write (created, older files replaced).</param>
    /// <param name="options">The trainer; null for the default.</param>
    /// <param name="progress">Receives a line before training and one after saving; null for silence.</param>
    /// <exception cref="ArgumentException">The table is unlabelled, has a single class, or does not match the schema.</exception>
    public static ModelDirectory TrainTable(OrderTable table, DatasetSchema schema, string outDirectory, ReturnModelOptions? options = null, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!table.HasTarget)
        {
            throw new ArgumentException(schema.Target is { } target
                ? $"{table.Source} has no values of the target '{target.Name}': training needs labelled orders"
                : $"{table.Source}: the schema has no target column (give one with --target): training needs labelled orders");
        }

        progress?.Invoke($"training on {table.Count} orders and {table.Features.Count} features from {table.Source}…");
        var folder = Train(table, schema, options);
        folder.Save(outDirectory);
        progress?.Invoke($"wrote {outDirectory}: {string.Join(", ", RequiredFiles)}, {SchemaFileName}, {ModelMonitor.SampleFileName}");
        return folder;
    }

    /// <summary>
    /// What <c>train</c> and <c>demo</c> do: reads a labelled order file (CSV or Parquet), trains on it as
    /// <see cref="Train(OrderTable, ReturnModelOptions?)"/> does (the profile fitted on the whole file) and saves the folder to <paramref name="outDirectory"/>.
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
            throw new ArgumentException($"{dataPath} has no '{DemoSchema.Schema.Target!.Name}' column: training needs labelled orders");
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
        SchemaFile.Write(Schema, Path.Combine(directory, SchemaFileName));
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
        // Folders written before the schema was kept are the demo's.
        var schemaPath = Path.Combine(directory, SchemaFileName);
        var schema = File.Exists(schemaPath) ? SchemaFile.Read(schemaPath) : DemoSchema.Schema;
        var price = schema.WithMeaning(ColumnMeaning.Price)?.Name is { } name && model.Features.Any(f => f.Name == name && f.Kind == FeatureKind.Numeric) ? name : null;
        return new ModelDirectory(model, training, profile, ModelMonitor.Load(directory, model, price)) { Schema = schema };
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
