using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
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

    /// <summary>The exact summary of <paramref name="data"/> (a file; with DuckDB also a glob, and remote data when <paramref name="allowRemote"/>).</summary>
    /// <param name="schema">With DuckDB: the columns its generated SQL counts; null: the demo's.</param>
    public static DatasetSummary Summarize(string engine, string data, SummarizeOptions? options = null, string? source = null, bool allowRemote = false, DatasetSchema? schema = null) =>
        engine == DuckDb
            ? DuckDbSummarizer.Summarize(data, source, options?.MissingCells ?? MissingCells.Reject, allowRemote, schema)
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
