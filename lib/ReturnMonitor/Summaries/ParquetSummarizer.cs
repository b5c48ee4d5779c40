using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>Summarises a Parquet order file into its exact <see cref="DatasetSummary"/>, row groups in parallel.</summary>
public static class ParquetSummarizer
{
    /// <summary>The exact summary of a Parquet file, row groups read and summarised in parallel.</summary>
    public static DatasetSummary Summarize(string path, string name, SummarizeOptions options)
    {
        long[] firstRows;
        bool labelled;
        using (var file = OrderParquet.ParquetColumns.Open(path, name))
        {
            options.Progress?.Start(name, new FileInfo(path).Length);
            labelled = file.Labelled;
            firstRows = file.FirstRows();
        }

        var groups = firstRows.Length;
        var workers = Math.Clamp(options.Workers, 1, Math.Max(1, groups));
        var builders = new DatasetSummaryBuilder[workers];
        var errors = new (long Group, Exception Error)?[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var builder = builders[w] = new DatasetSummaryBuilder(name, labelled);
            try
            {
                using var file = OrderParquet.ParquetColumns.Open(path, name);
                for (var g = w; g < groups; g += workers)
                {
                    var table = file.ReadRowGroup(g, firstRows[g]);
                    builder.Add(table);
                    options.Progress?.AddRows(table.Count);
                }
            }
            catch (DataFormatException e)
            {
                errors[w] = (w, e);
            }
        });

        // The error of the earliest row group wins, as a sequential read would report it.
        if (errors.Where(e => e is not null).Select(e => e!.Value).OrderBy(e => ((DataFormatException)e.Error).Line ?? 0).FirstOrDefault() is { Error: { } first })
        {
            throw first;
        }

        var total = builders[0];
        for (var w = 1; w < workers; w++)
        {
            total.Merge(builders[w]);
        }

        return total.Build();
    }

}
