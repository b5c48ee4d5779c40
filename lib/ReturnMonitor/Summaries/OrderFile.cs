using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// An order file on disk, CSV or Parquet (chosen by the extension <c>.parquet</c>, any case): read whole into an
/// <see cref="OrderTable"/> (to score it) or summarised into its exact <see cref="DatasetSummary"/> in bounded memory using
/// every core (to compare it). The summary equals <c>DatasetSummary.Of(OrderFile.Read(path))</c> exactly — same
/// distributions, counts, missing counts, and therefore the same drift report — and bad input fails with the same
/// file/line/column messages in both. Summarising needs a few blocks per thread plus the distinct values of each feature,
/// whatever the number of rows. Both are strict by default; pass <see cref="MissingCells.Allow"/> to accept gaps in a batch.
/// </summary>
public static class OrderFile
{
    /// <summary>Whether <paramref name="path"/> is read as Parquet (extension <c>.parquet</c>, any case).</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a CSV or Parquet file whole.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">Name used in messages and as the table's source; defaults to <paramref name="path"/>.</param>
    /// <param name="missing">Whether an empty feature cell is an error (default) or a missing value.</param>
    /// <param name="plan">The columns to read; null for the demo's (<see cref="ReadPlan.Demo"/>).</param>
    /// <exception cref="DataFormatException">The file is missing, empty or has a bad header or value.</exception>
    public static OrderTable Read(string path, string? displayName = null, MissingCells missing = MissingCells.Reject, ReadPlan? plan = null) =>
        IsParquet(path) ? OrderParquet.Read(path, displayName, missing, plan) : OrderCsv.Read(path, displayName, missing, plan);

    /// <summary>Summarises a CSV or Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">Name used in messages and as the summary's source; defaults to <paramref name="path"/>.</param>
    /// <param name="options">Threads, block size, missing cells and progress counters; null for the defaults.</param>
    /// <exception cref="DataFormatException">The file is missing, empty or has a bad header or value.</exception>
    public static DatasetSummary Summarize(string path, string? displayName = null, SummarizeOptions? options = null)
    {
        var name = displayName ?? path;
        options ??= SummarizeOptions.Default;
        return IsParquet(path) ? ParquetSummarizer.Summarize(path, name, options) : Utf8CsvSummarizer.Summarize(path, name, options);
    }
}
