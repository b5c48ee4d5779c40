using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.DuckDb;
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
    public static DatasetSummary Summarize(string engine, string data, SummarizeOptions? options = null, string? source = null, bool allowRemote = false) =>
        engine == DuckDb
            ? DuckDbSummarizer.Summarize(data, source, options?.MissingCells ?? MissingCells.Reject, allowRemote)
            : OrderFile.Summarize(data, source, options);

    /// <summary>
    /// The options for reading a batch: the same as <paramref name="options"/> but with empty cells allowed
    /// (<see cref="MissingCells.Allow"/>) — a batch with gaps is monitored, not rejected, while training and reference
    /// data stay strict. Text in a numeric column, NaN or an impossible value stay errors either way.
    /// </summary>
    public static SummarizeOptions ForBatch(SummarizeOptions? options) =>
        (options ?? SummarizeOptions.Default) with { MissingCells = MissingCells.Allow };

    /// <summary>A batch's orders, read whole by <see cref="OrderFile.Read"/> with empty cells allowed (see <see cref="ForBatch"/>).</summary>
    public static OrderTable ReadBatch(string path) => OrderFile.Read(path, missing: MissingCells.Allow);

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
