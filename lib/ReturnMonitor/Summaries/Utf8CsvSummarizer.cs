using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Summarises an order CSV file straight from its UTF-8 bytes into exact value counters, without building rows,
/// strings or tables. The calling thread reads the file in blocks cut at record boundaries
/// (<see cref="Utf8CsvBlockReader"/>); worker threads (<see cref="BlockPipeline"/>) parse them with the table reader's
/// own tokenizer and cell parser (<see cref="OrderRecordParser"/>) into one <see cref="DatasetSummaryBuilder"/> each;
/// the builders are merged at the end. It therefore accepts and rejects exactly what <see cref="OrderCsv"/> does, with
/// the same messages (file, line, column, value); when several blocks are bad, the earliest error is reported.
/// </summary>
internal static class Utf8CsvSummarizer
{
    /// <summary>Summarises a CSV file.</summary>
    /// <exception cref="DataFormatException">The file is missing, empty, or has a bad header or cell.</exception>
    public static DatasetSummary Summarize(string path, string name, SummarizeOptions options)
    {
        var progress = options.Progress;
        progress?.Start(name, File.Exists(path) ? new FileInfo(path).Length : 0);
        using var reader = Utf8CsvBlockReader.Open(path, name, options.BlockSize, progress is null ? null : progress.AddBytes, options.Plan, options.MissingCells);
        var layout = reader.Layout;
        var features = layout.Plan.Features;
        // One run per numeric column for all workers (see RunAccumulator): half the memory of a run per worker.
        var runs = DatasetSummaryBuilder.SharedRuns(features, options.ExactLimit);
        var workers = BlockPipeline.Run(
            reader.Blocks(),
            options.Workers,
            () => new Worker(new DatasetSummaryBuilder(name, features, layout.Labelled, options.ExactLimit, runs), new OrderRecordParser(layout, name, options.MissingCells)),
            (worker, block) =>
            {
                var rows = worker.Parse(block, name);
                progress?.AddRows(rows);
            },
            block => block.Return());

        var total = new DatasetSummaryBuilder(name, features, layout.Labelled, options.ExactLimit, runs);
        foreach (var worker in workers)
        {
            total.Merge(worker.Builder);
        }

        return total.Build();
    }

    /// <summary>One worker thread's parser and builder.</summary>
    private sealed class Worker(DatasetSummaryBuilder builder, OrderRecordParser parser)
    {
        public DatasetSummaryBuilder Builder => builder;

        // Parses the block's records into the builder; returns the rows added.
        public long Parse(CsvBlock block, string name)
        {
            Utf8CsvBlockReader.CheckUtf8(block.Span, block.FirstLine, name);
            var sink = new SummarySink(builder);
            var position = 0;
            var line = block.FirstLine;
            long rows = parser.Parse(block.Span, ref position, ref line, ref sink);
            builder.AddRows(rows, sink.Returned);
            return rows;
        }
    }

    /// <summary>The parser's view of a summary builder: values go straight into the exact counters.</summary>
    private struct SummarySink(DatasetSummaryBuilder builder) : IOrderRowSink
    {
        public long Returned { get; private set; }

        public readonly void Number(int feature, double value, long mantissa, int scale)
        {
            if (scale >= 0)
            {
                builder.AddScaled(feature, mantissa, scale, value);
            }
            else if (double.IsNaN(value))
            {
                builder.AddMissingNumeric(feature);
            }
            else
            {
                builder.AddNumeric(feature, value);
            }
        }

        public readonly void Category(int feature, ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty)
            {
                builder.AddMissingCategory(feature);
            }
            else
            {
                builder.AddCategoryUtf8(feature, utf8);
            }
        }

        public void EndRow(int returned) => Returned += returned;
    }
}
