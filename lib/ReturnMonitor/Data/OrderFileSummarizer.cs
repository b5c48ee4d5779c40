using ReturnMonitor.Drift;

namespace ReturnMonitor.Data;

/// <summary>
/// Summarises an order file of any size into its exact <see cref="DatasetSummary"/> in bounded memory, using every core:
/// CSV (parsed straight from UTF-8 bytes into value counters) or Parquet (by the extension <c>.parquet</c>, read row group
/// by row group). The summary equals <c>DatasetSummary.Of(OrderCsv.Read(path))</c> exactly — same distributions, counts,
/// and therefore the same drift report — and bad input fails with the same file/line/column messages as <see cref="OrderCsv"/>.
/// Memory is a few blocks per thread plus the distinct values of each feature, whatever the number of rows.
/// </summary>
public static class OrderFileSummarizer
{
    /// <summary>Whether <paramref name="path"/> is read as Parquet (extension <c>.parquet</c>, any case).</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Summarises a CSV or Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">Name used in messages and as the summary's source; defaults to <paramref name="path"/>.</param>
    /// <param name="options">Threads, block size and progress counters; null for the defaults.</param>
    /// <exception cref="DataFormatException">The file is missing, empty or has a bad header or value.</exception>
    public static DatasetSummary Summarize(string path, string? displayName = null, SummarizeOptions? options = null)
    {
        var name = displayName ?? path;
        options ??= SummarizeOptions.Default;
        return IsParquet(path) ? OrderParquet.Summarize(path, name, options) : Utf8CsvSummarizer.Summarize(path, name, options);
    }
}
