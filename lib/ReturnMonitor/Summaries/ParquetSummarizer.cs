using System.Collections.Concurrent;
using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Summarises a Parquet order file into its exact <see cref="DatasetSummary"/>: row groups are the blocks of the shared
/// <see cref="BlockPipeline"/>, each worker reading them from its own handle on the file with the table reader's checks
/// (<see cref="OrderParquet"/>); the error of the earliest row group wins, as a sequential read would report it.
/// </summary>
public static class ParquetSummarizer
{
    /// <summary>The exact summary of a Parquet file, row groups read and summarised in parallel.</summary>
    /// <exception cref="DataFormatException">Missing file, not Parquet, missing column or bad value.</exception>
    public static DatasetSummary Summarize(string path, string name, SummarizeOptions options)
    {
        long[] firstRows;
        bool labelled;
        var plan = options.Plan ?? ReadPlan.Demo;
        using (var file = OrderParquet.ParquetColumns.Open(path, name, plan, options.MissingCells))
        {
            options.Progress?.Start(name, new FileInfo(path).Length);
            labelled = file.Labelled;
            firstRows = file.FirstRows();
        }

        var opened = new ConcurrentBag<Worker>();
        try
        {
            var workers = BlockPipeline.Run(
                Enumerable.Range(0, firstRows.Length),
                Math.Clamp(options.Workers, 1, Math.Max(1, firstRows.Length)),
                () =>
                {
                    var worker = new Worker(OrderParquet.ParquetColumns.Open(path, name, plan, options.MissingCells), new DatasetSummaryBuilder(name, plan.Features, labelled, options.ExactLimit));
                    opened.Add(worker);
                    return worker;
                },
                (worker, group) =>
                {
                    var table = worker.File.ReadRowGroup(group, firstRows[group], options.MissingCells);
                    worker.Builder.Add(table);
                    options.Progress?.AddRows(table.Count);
                });

            var total = new DatasetSummaryBuilder(name, plan.Features, labelled, options.ExactLimit);
            foreach (var worker in workers)
            {
                total.Merge(worker.Builder);
            }

            return total.Build();
        }
        finally
        {
            foreach (var worker in opened)
            {
                worker.File.Dispose();
            }
        }
    }

    private sealed record Worker(OrderParquet.ParquetColumns File, DatasetSummaryBuilder Builder);
}
