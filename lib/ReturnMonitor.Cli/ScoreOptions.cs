using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Modeling.Scoring;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// The options that monitor a model trained elsewhere, shared by <c>drift</c>, <c>report</c> and <c>monitor</c>:
/// <c>--score-column COL [--prediction-column COL] [--threshold X]</c> or <c>--onnx FILE [--onnx-output NAME] [--threshold X]</c>,
/// with <c>--reference</c> the labelled, scored file (the model's validation or test output) in place of <c>--model DIR</c>.
/// One group, added to a command in one line, so the commands keep their own options apart.
/// </summary>
internal sealed class ScoreOptions
{
    private readonly Option<string?> scoreColumn = new("--score-column") { Description = "Monitor a model trained elsewhere from its scores: the column with its probability of a return (0 to 1); --reference is then its labelled, scored validation file" };
    private readonly Option<string?> predictionColumn = new("--prediction-column") { Description = "With --score-column: the model's 0/1 decisions (must be score ≥ threshold); default: score ≥ --threshold" };
    private readonly Option<double?> threshold = new("--threshold") { Description = "With --score-column or --onnx: the score from which an order is predicted returned (default 0.5)" };
    private readonly Option<string?> onnx = new("--onnx") { Description = "Monitor a model trained elsewhere, exported as ONNX: its inputs are the file's columns by name; --reference is its labelled validation file" };
    private readonly Option<string?> onnxOutput = new("--onnx-output") { Description = "With --onnx: the output holding the probability of a return (default: 'probabilities', 'output_probability' or the only output)" };
    private readonly Option<string?> reference = new("--reference") { Description = "With --score-column or --onnx: the model's labelled validation file (CSV; scored for --score-column), in place of --model" };

    /// <summary>
    /// Adds the options to <paramref name="command"/>; with <paramref name="withReference"/> also <c>--reference</c> (for a
    /// command that has none of its own); with <paramref name="reading"/> (already added) the schema inference gives the
    /// score and prediction columns their roles, so they are never taken as features.
    /// </summary>
    public static ScoreOptions AddTo(Command command, bool withReference = false, DataOptions? reading = null)
    {
        var options = new ScoreOptions();
        if (withReference)
        {
            command.Options.Add(options.reference);
        }

        command.Options.Add(options.scoreColumn);
        command.Options.Add(options.predictionColumn);
        command.Options.Add(options.threshold);
        command.Options.Add(options.onnx);
        command.Options.Add(options.onnxOutput);
        reading?.UseScoreColumns(options.scoreColumn, options.predictionColumn);
        return options;
    }

    /// <summary>Whether any of the score options was given.</summary>
    public bool Given(ParseResult parse) =>
        parse.GetValue(scoreColumn) is not null || parse.GetValue(onnx) is not null;

    /// <summary>
    /// The monitor of a model trained elsewhere when the options ask for one, else null: the reference file is read
    /// whole and scored, and becomes the held-out orders of the model sections.
    /// </summary>
    /// <param name="parse">The command line.</param>
    /// <param name="referencePath">The <c>--reference</c> file.</param>
    /// <param name="modelGiven">Whether <c>--model</c> was given too (an error: one way of getting scores).</param>
    /// <param name="profile">The reference profile (drift).</param>
    /// <param name="costs">The cost model.</param>
    /// <param name="multivariate">Whether the checks run the domain classifiers.</param>
    /// <exception cref="UsageException">The options conflict.</exception>
    public BatchMonitor? Monitor(ParseResult parse, string referencePath, bool modelGiven, ReferenceProfile profile, CostModel? costs, bool multivariate = true)
    {
        if (Source(parse, modelGiven) is not { } source)
        {
            return null;
        }

        if (File.Exists(referencePath) && !OrderFile.IsParquet(referencePath) && ReferenceProfile.LooksLikeProfile(referencePath))
        {
            throw new UsageException("with --score-column or --onnx, --reference must be the model's labelled validation file (its orders with the target column, and the score column), not a profile");
        }

        RequireNotFeatures(parse, profile.ReadSchema, referencePath);
        // Read against the profile's schema (the demo's, a schema file's or the inferred one), as the batches are.
        var reference = OrderFile.Read(referencePath, plan: ReturnMonitor.Data.Schema.SchemaReader.Plan(profile.ReadSchema));
        // The money takes the price from the column with the meaning 'price' (none: a flat cost per return).
        var price = profile.ReadSchema.WithMeaning(ColumnMeaning.Price)?.Name;
        return new BatchMonitor(profile, ModelMonitor.FromScores(source, reference, referencePath, price), costs: costs) { Multivariate = multivariate };
    }

    /// <summary>
    /// For <c>monitor</c>: the monitor of a model trained elsewhere (domain classifiers off, as for a model folder) and
    /// the hash of its reference file, under which the sequential detector's calibration is kept; null for <c>--model DIR</c>.
    /// </summary>
    /// <exception cref="UsageException">Neither --model nor scores, or --reference missing or misplaced.</exception>
    public (BatchMonitor Monitor, string ReferenceHash)? ForMonitor(ParseResult parse, string? modelDirectory, DataOptions reading, CliOutput io)
    {
        var referencePath = parse.GetValue(reference);
        if (Source(parse, modelDirectory is not null) is null)
        {
            return modelDirectory is null ? throw new UsageException("give --model DIR, or --reference FILE with --score-column COL or --onnx FILE")
                : referencePath is not null ? throw new UsageException("--reference goes with --score-column or --onnx (a model folder holds its own reference)")
                : reading.AnyGiven(parse, timestampDecides: false) ? throw new UsageException("--schema and the column options read a --reference file; a model folder carries its own schema")
                : null;
        }

        if (referencePath is null)
        {
            throw new UsageException("--score-column and --onnx need --reference: the model's labelled validation file");
        }

        InputFiles.RequireFile(referencePath);
        // Read as drift and report read it: a schema file, the demo's columns, or inferred (the score column as a score).
        var profile = DataEngine.LoadReference(DataEngine.Builtin, referencePath, null, reading, parse, io);
        return (Monitor(parse, referencePath, false, profile, null, multivariate: false)!, ContentHash.OfFile(referencePath));
    }

    /// <summary>
    /// Gives a period's rows (or, with <paramref name="rows"/> null, the whole batch) their scores when they come from
    /// the batch file's score column, so that the period is checked without the file.
    /// </summary>
    public static void Attach(BatchMonitor monitor, OrderTable batch, string batchPath, OrderTable part, int[]? rows)
    {
        if (monitor.Model?.ScoreSource is ScoreColumnSource column)
        {
            // Read once per file: the whole batch keeps its scores, each period gets its rows'.
            var scores = column.Score(batch, batchPath);
            column.Attach(batch, scores);
            if (rows is not null)
            {
                column.Attach(part, rows.Select(i => scores[i]).ToArray());
            }
        }
    }

    // A model's output taken as one of its inputs would be profiled, drift-tested and fed to the domain classifier as
    // if it were part of the order (a schema file written without --score-column does that).
    private void RequireNotFeatures(ParseResult parse, DatasetSchema schema, string referencePath)
    {
        foreach (var (name, role) in new[] { (parse.GetValue(scoreColumn), ColumnRole.Score), (parse.GetValue(predictionColumn), ColumnRole.Prediction) })
        {
            if (name is not null && schema.Find(name) is { IsFeature: true } column)
            {
                throw new UsageException($"{referencePath}: column '{name}' is a {SchemaNames.Name(column.Role)} feature in the schema, but it is the model's {SchemaNames.Name(role)}: give it \"role\": \"{SchemaNames.Name(role)}\" in schema.json (returnmonitor schema --score-column/--prediction-column writes it)");
            }
        }
    }

    private IScoreSource? Source(ParseResult parse, bool modelGiven)
    {
        var column = parse.GetValue(scoreColumn);
        var model = parse.GetValue(onnx);
        if (column is null && model is null)
        {
            return parse.GetValue(predictionColumn) is not null || parse.GetValue(threshold) is not null || parse.GetValue(onnxOutput) is not null
                ? throw new UsageException("--prediction-column, --threshold and --onnx-output go with --score-column or --onnx")
                : null;
        }

        if (modelGiven || (column is not null && model is not null))
        {
            throw new UsageException("--model, --score-column and --onnx are three ways of getting the scores: give one");
        }

        if (parse.GetValue(threshold) is { } t && !ScoreRules.IsValid(t))
        {
            throw new UsageException($"--threshold must be a number from 0 to 1 (got {t.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }

        if (column is not null)
        {
            return parse.GetValue(onnxOutput) is not null
                ? throw new UsageException("--onnx-output goes with --onnx")
                : new ScoreColumnSource(column, parse.GetValue(predictionColumn), parse.GetValue(threshold));
        }

        return parse.GetValue(predictionColumn) is not null
            ? throw new UsageException("--prediction-column goes with --score-column")
            : new OnnxScoreSource(model!, parse.GetValue(onnxOutput), parse.GetValue(threshold));
    }
}
