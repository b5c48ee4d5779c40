using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Cli;

/// <summary>
/// The options that say how to read a data file, one set for every command that reads one (<c>schema</c>, <c>train</c>,
/// <c>profile</c>, <c>drift</c>, <c>report</c>, <c>monitor</c>): <c>--schema FILE</c>, or the inference's overrides
/// <c>--target</c>, <c>--positive</c>, <c>--numeric</c>, <c>--categorical</c>, <c>--ignore</c>, <c>--timestamp</c>,
/// <c>--timestamp-format</c>; and <c>--strict</c> (an empty cell in training or reference data is an error). The choice
/// itself is the library's (<see cref="SchemaChoice"/>); this class parses and prints.
/// </summary>
internal sealed class DataOptions
{
    private DataOptions(bool schemaFile, bool strict)
    {
        Schema = schemaFile ? new Option<string?>("--schema") { Description = "schema.json describing the columns (from 'returnmonitor schema --out'); default: inferred, printed on stderr" } : null;
        Strict = strict ? new Option<bool>("--strict") { Description = "Refuse an empty cell in the training or reference data (default: counted as missing in the profile)" } : null;
        if (!schemaFile)
        {
            // The schema command has no score options of its own: these only give the columns their roles.
            ScoreColumn = new("--score-column") { Description = "The column with a model's score: role 'score', never a feature" };
            PredictionColumn = new("--prediction-column") { Description = "The column with a model's 0/1 prediction: role 'prediction', never a feature" };
        }
    }

    /// <summary><c>--schema FILE</c>, or null on the <c>schema</c> command.</summary>
    public Option<string?>? Schema { get; }

    /// <summary><c>--strict</c>, or null where no reference is read.</summary>
    public Option<bool>? Strict { get; }

    public Option<string?> Target { get; } = new("--target") { Description = "The target column (default: one named returned, is_returned, Return_Status, label or target)" };

    public Option<string?> Positive { get; } = new("--positive") { Description = "The target value that means returned, for labels other than 0/1, true/false, yes/no" };

    public Option<string[]> Numeric { get; } = ListOption("--numeric", "Columns to take as numeric features (comma-separated)");

    public Option<string[]> Categorical { get; } = ListOption("--categorical", "Columns to take as categorical features (comma-separated)");

    public Option<string[]> Ignore { get; } = ListOption("--ignore", "Columns to ignore (comma-separated)");

    public Option<string?> Timestamp { get; } = new("--timestamp") { Description = "The date column that orders the rows in time" };

    public Option<string?> TimestampFormat { get; } = CreateTimestampFormat();

    /// <summary>
    /// <c>--score-column</c>: the schema command's own, or the score options' on drift and report
    /// (<see cref="UseScoreColumns"/>); the inference gives it the role <c>score</c>, so it is never a feature.
    /// </summary>
    public Option<string?>? ScoreColumn { get; private set; }

    /// <summary><c>--prediction-column</c>, as <see cref="ScoreColumn"/>: role <c>prediction</c>.</summary>
    public Option<string?>? PredictionColumn { get; private set; }

    /// <summary>Takes the roles of the score and prediction columns from options another group owns (<see cref="ScoreOptions"/>).</summary>
    public void UseScoreColumns(Option<string?> score, Option<string?> prediction)
    {
        ScoreColumn = score;
        PredictionColumn = prediction;
    }

    /// <summary>The set for a command that reads data (with <c>--schema</c>; with <c>--strict</c> when it reads a reference).</summary>
    public static DataOptions ForData(bool strict) => new(schemaFile: true, strict: strict);

    /// <summary>The set of the <c>schema</c> command (inference only).</summary>
    public static DataOptions ForInference() => new(schemaFile: false, strict: false);

    /// <summary>Adds every option of the set to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        // ScoreColumn and PredictionColumn are added here only when this set owns them (the schema command).
        foreach (var option in new Option?[] { Schema, Target, Positive, Numeric, Categorical, Ignore, Timestamp, TimestampFormat, Strict, ScoreColumn, PredictionColumn })
        {
            if (option is not null)
            {
                command.Options.Add(option);
            }
        }
    }

    /// <summary>The inference's overrides as given.</summary>
    public SchemaInferenceOptions Overrides(ParseResult parse, int maxCategories = 50)
    {
        var options = new SchemaInferenceOptions
        {
            Target = parse.GetValue(Target),
            Positive = parse.GetValue(Positive),
            Numeric = Split(parse.GetValue(Numeric)),
            Categorical = Split(parse.GetValue(Categorical)),
            Ignore = Split(parse.GetValue(Ignore)),
            Timestamp = parse.GetValue(Timestamp),
            TimestampFormat = parse.GetValue(TimestampFormat),
            Score = ScoreColumn is null ? null : parse.GetValue(ScoreColumn),
            Prediction = PredictionColumn is null ? null : parse.GetValue(PredictionColumn),
            MaxCategories = maxCategories,
        };
        return options.TimestampFormat is not null && options.Timestamp is null
            ? throw new UsageException("--timestamp-format needs --timestamp COL")
            : options;
    }

    /// <summary>How an empty cell of training or reference data is read: missing, or an error with <c>--strict</c>.</summary>
    public MissingCells ReferenceCells(ParseResult parse) =>
        Strict is not null && parse.GetValue(Strict) ? MissingCells.Reject : MissingCells.Allow;

    /// <summary>
    /// The schema to read <paramref name="path"/> against (<see cref="SchemaChoice"/>); when it was inferred, its decisions
    /// are printed on stderr, one line per column, so stdout stays the command's output (JSON or text).
    /// </summary>
    public DatasetSchema Resolve(ParseResult parse, string path, CliOutput io)
    {
        InputFiles.RequireFile(path);
        (DatasetSchema Schema, SchemaInferenceResult? Inferred) choice;
        try
        {
            choice = SchemaChoice.For(path, Schema is null ? null : parse.GetValue(Schema), Overrides(parse));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        if (choice.Inferred is { } inferred)
        {
            io.Progress($"{path}: {inferred.Rows} rows, {inferred.Schema.Columns.Count} columns; schema inferred (check it; write it with 'returnmonitor schema --out' and pass --schema):");
            foreach (var line in inferred.Lines())
            {
                io.Progress("  " + line);
            }
        }

        return choice.Schema;
    }

    /// <summary>
    /// Whether any option of the set that decides columns was given (not <c>--strict</c>; <c>--timestamp</c> and
    /// <c>--timestamp-format</c> only when <paramref name="timestampDecides"/>: with <c>--every</c> they name the column to cut by).
    /// </summary>
    public bool AnyGiven(ParseResult parse, bool timestampDecides = true) =>
        new Option?[] { Schema, Target, Positive, Numeric, Categorical, Ignore }
            .Concat(timestampDecides ? [Timestamp, TimestampFormat] : [])
            .Any(o => o is not null && parse.GetResult(o) is { Implicit: false });

    private static Option<string?> CreateTimestampFormat()
    {
        var option = new Option<string?>("--timestamp-format") { Description = "How its dates are written where the file leaves it open: iso, M/d/yyyy or d/M/yyyy" };
        option.AcceptOnlyFromAmong([.. ReturnMonitor.Data.Schema.TimestampFormat.Names]);
        return option;
    }

    private static Option<string[]> ListOption(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false };

    // "a,b" and repeated flags both work; names are kept exactly (a header may have spaces), only outer spaces trimmed.
    private static string[] Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}
