using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.DuckDb;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// Which engine turns order data into its exact summary: <c>builtin</c> (our streaming CSV/Parquet reader, one file,
/// the default and the faster on one file) or <c>duckdb</c> (DuckDB embedded, one file or a glob of many CSV or Parquet
/// files, hive-partitioned folders included, through the shipped <c>value_counts.sql</c>). Both give the same summary.
/// </summary>
internal static class DataEngine
{
    public const string Builtin = "builtin";
    public const string DuckDb = "duckdb";

    /// <summary>The <c>--engine</c> option shared by <c>profile</c> and <c>drift</c>.</summary>
    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--engine")
        {
            Description = "builtin (our reader, one file) or duckdb (DuckDB embedded: a file or a quoted glob of CSV/Parquet files, e.g. 'lake/*.parquet')",
            DefaultValueFactory = _ => Builtin,
        };
        option.AcceptOnlyFromAmong(Builtin, DuckDb);
        return option;
    }

    /// <summary>Largest <c>--exact-limit</c>: 2^24 distinct values, about 280 MB per numeric column and reading thread at worst.</summary>
    public const int MaxExactLimit = 1 << 24;

    /// <summary>
    /// The <c>--exact-limit N</c> option shared by <c>profile</c> and <c>drift</c>: distinct values per numeric column
    /// kept exactly before the column is sketched (docs/continuous-numbers.md). Memory per column grows with it.
    /// </summary>
    public static Option<int> CreateExactLimitOption() => new("--exact-limit")
    {
        Description = $"Distinct values per numeric column kept exactly (4 to {MaxExactLimit}); past it the column is sketched with a stated error bound. Default {EmpiricalDistribution.DefaultExactLimit} (builtin engine)",
        DefaultValueFactory = _ => EmpiricalDistribution.DefaultExactLimit,
    };

    /// <summary><paramref name="options"/> with the exact limit <paramref name="limit"/>, checked.</summary>
    /// <exception cref="UsageException">The limit is outside 4 … <see cref="MaxExactLimit"/>.</exception>
    public static SummarizeOptions WithExactLimit(SummarizeOptions options, int limit) =>
        limit is >= 4 and <= MaxExactLimit
            ? options with { ExactLimit = limit }
            : throw new UsageException($"--exact-limit must be between 4 and {MaxExactLimit}, got {limit}");

    /// <summary>The exact summary of <paramref name="data"/> (a file; with DuckDB also a glob, and remote data when <paramref name="allowRemote"/>).</summary>
    /// <param name="schema">With DuckDB: the columns its generated SQL counts; null: the demo's. It must be the schema of <paramref name="options"/>' plan.</param>
    public static DatasetSummary Summarize(string engine, string data, SummarizeOptions? options = null, string? source = null, bool allowRemote = false, DatasetSchema? schema = null)
    {
        if (engine != DuckDb)
        {
            return OrderFile.Summarize(data, source, options);
        }

        try
        {
            return DuckDbSummarizer.Summarize(data, source, options?.MissingCells ?? MissingCells.Reject, allowRemote, schema);
        }
        catch (DataFormatException) when (File.Exists(data))
        {
            // Bad data in one local file: DuckDB has aggregated already and cannot say which line, and it lists missing
            // columns in its own order. Our reader stops at the first problem in file order and names file, line and
            // column, so both engines give the same one line. Only on this error path; if our reader accepts the file,
            // DuckDB's own error stands.
            OrderFile.Summarize(data, source, options);
            throw;
        }
    }

    /// <summary>
    /// The options for reading a batch: the same as <paramref name="options"/> but with empty cells allowed
    /// (<see cref="MissingCells.Allow"/>) — a batch with gaps is monitored, not rejected, while training and reference
    /// data stay strict. Text in a numeric column, NaN or an impossible value stay errors either way.
    /// </summary>
    public static SummarizeOptions ForBatch(SummarizeOptions? options) =>
        (options ?? SummarizeOptions.Default) with { MissingCells = MissingCells.Allow };

    /// <summary>A batch's orders, read whole by <see cref="OrderFile.Read"/> with empty cells allowed (see <see cref="ForBatch"/>).</summary>
    public static OrderTable ReadBatch(string path) => OrderFile.Read(path, missing: MissingCells.Allow);

    /// <summary>
    /// A batch's orders read whole against the reference's schema, empty cells allowed and a feature column absent from
    /// the file read as all missing (data quality names it; the batch is still monitored).
    /// </summary>
    public static OrderTable ReadBatch(string path, ReferenceProfile reference) =>
        OrderFile.Read(path, missing: MissingCells.Allow, plan: SchemaReader.Plan(reference.ReadSchema));

    /// <summary>A batch's exact summary, read against the reference's schema as <see cref="ReadBatch(string, ReferenceProfile)"/> reads it.</summary>
    public static DatasetSummary SummarizeBatch(string engine, string path, ReferenceProfile reference, SummarizeOptions? options) =>
        Summarize(engine, path, ForBatch(options) with { Plan = SchemaReader.Plan(reference.ReadSchema) }, schema: reference.ReadSchema);

    /// <summary>
    /// The reference: a profile JSON file as is (it carries its schema), or a data file summarised against the schema that
    /// <paramref name="reading"/> chooses (a schema file, the demo's columns, or inferred and printed), its empty cells
    /// counted as missing unless <c>--strict</c>.
    /// </summary>
    public static ReferenceProfile LoadReference(string engine, string path, SummarizeOptions? options, DataOptions reading, ParseResult parse, CliOutput io)
    {
        if (File.Exists(path) && !OrderFile.IsParquet(path) && ReferenceProfile.LooksLikeProfile(path))
        {
            return reading.AnyGiven(parse, timestampDecides: false)
                ? throw new UsageException($"{path} is a profile: it carries its schema; --schema and the column options apply to data files")
                : ReferenceProfile.Load(path);
        }

        if (engine != DuckDb)
        {
            InputFiles.RequireFile(path);
        }

        var schema = engine == DuckDb && !File.Exists(path) ? GlobSchema(reading, parse) : reading.Resolve(parse, path, io);
        var summary = Summarize(engine, path, (options ?? SummarizeOptions.Default) with { Plan = SchemaReader.Plan(schema), MissingCells = reading.ReferenceCells(parse) }, schema: schema);
        return new ReferenceProfile(summary, schema);
    }

    /// <summary>
    /// The batch file cut into periods by its date column (<c>--every</c>): the column is <paramref name="column"/> or the
    /// reference schema's timestamp, its form <paramref name="format"/> or the schema's; each period's orders are read
    /// against the reference's schema. Every order is placed; an empty or unreadable date is an error naming line and column.
    /// </summary>
    /// <param name="path">The batch file.</param>
    /// <param name="reference">The reference profile (its schema reads the file and may name the timestamp).</param>
    /// <param name="every">The period length.</param>
    /// <param name="column">The date column, or null for the schema's timestamp.</param>
    /// <param name="format">The dates' form, or null for the schema's (or inferred).</param>
    /// <param name="scored">
    /// The monitor of a model trained elsewhere, or null: with a score column the file's scores are read once and each
    /// period gets its rows' (as <c>monitor --every</c> does), so a period is checked without the file.
    /// </param>
    public static IReadOnlyList<(BatchPeriod Period, OrderTable Orders)> Periods(string path, ReferenceProfile reference, string every, string? column, string? format, BatchMonitor? scored = null)
    {
        var declared = reference.ReadSchema.Timestamp;
        var timestamp = column ?? declared?.Name ?? throw new UsageException("--every needs --timestamp COL: the reference's schema names no timestamp column");
        format ??= declared is not null && declared.Name == timestamp ? declared.Format : null;
        var (batch, periods) = ReadPeriods(path, reference, timestamp, every, format);
        return periods
            .Select(p =>
            {
                var orders = batch.Select(p.Rows, $"{batch.Source} {p.Period.Label}");
                if (scored is not null)
                {
                    ScoreOptions.Attach(scored, batch, path, orders, p.Rows);
                }

                return (p.Period, orders);
            })
            .ToArray();
    }

    /// <summary>
    /// The batch read against the reference's schema and cut into periods by its date column <paramref name="column"/>,
    /// in one read of the file: the date column is read as one more categorical column beside the features, its text
    /// placed in periods, and the batch returned without it (the same table <see cref="ReadBatch(string, ReferenceProfile)"/>
    /// reads). When the dates cannot settle it (an empty or bad date, a form not given and not clear) or for Parquet, the
    /// demo's table or a date column that is a feature, the file is read as before and <see cref="TimestampPeriods.Split"/>
    /// names the line and column of the problem.
    /// </summary>
    public static (OrderTable Batch, IReadOnlyList<(BatchPeriod Period, int[] Rows)> Periods) ReadPeriods(string path, ReferenceProfile reference, string column, string every, string? format)
    {
        var schema = reference.ReadSchema;
        if (!OrderFile.IsParquet(path) && SchemaReader.Plan(schema) != ReadPlan.Demo && schema.Features.All(f => f.Name != column))
        {
            var dates = new SchemaColumn(column, ColumnRole.Categorical);
            var columns = schema.Columns.Any(c => c.Name == column)
                ? schema.Columns.Select(c => c.Name == column ? dates : c)
                : schema.Columns.Append(dates);
            var wide = OrderFile.Read(path, missing: MissingCells.Allow, plan: SchemaReader.Plan(new DatasetSchema(columns)));
            if (TimestampPeriods.FromValues(wide.Categorical(column), every, format) is { } periods)
            {
                return (wide.WithoutFeature(column), periods);
            }
        }

        return (ReadBatch(path, reference), TimestampPeriods.Split(path, column, every, format));
    }

    /// <summary>The <c>--every</c> option of <c>drift</c> and <c>report</c>.</summary>
    public static Option<string?> EveryOption()
    {
        var every = new Option<string?>("--every") { Description = "Cut the --current file into periods by its date column (--timestamp, or the schema's) and check each: day, week, month or quarter" };
        every.AcceptOnlyFromAmong([.. TimestampPeriods.Lengths]);
        return every;
    }

    // A glob (or remote data) with DuckDB: the inference reads one file, so the schema is a --schema file, or the demo's.
    private static DatasetSchema GlobSchema(DataOptions reading, ParseResult parse)
    {
        if (reading.Schema is not null && parse.GetValue(reading.Schema) is { } schemaFile)
        {
            return SchemaFile.Read(schemaFile);
        }

        return reading.AnyGiven(parse)
            ? throw new UsageException("with a glob of files the schema cannot be inferred (the inference reads one file): give --schema FILE, e.g. written by 'returnmonitor schema --data ONE_FILE --out schema.json'")
            : DemoSchema.Schema;
    }

    /// <summary>A profile JSON file as is, or order data summarised on the fly by <paramref name="engine"/>.</summary>
    public static ReferenceProfile LoadReference(string engine, string path, SummarizeOptions? options = null)
    {
        if (File.Exists(path) && !OrderFile.IsParquet(path) && ReferenceProfile.LooksLikeProfile(path))
        {
            return ReferenceProfile.Load(path);
        }

        if (engine != DuckDb)
        {
            // DuckDB also takes a glob; our reader one file, checked here (a directory is named as such).
            InputFiles.RequireFile(path);
        }

        return new ReferenceProfile(Summarize(engine, path, options));
    }
}
