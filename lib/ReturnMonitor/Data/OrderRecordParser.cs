using System.Runtime.CompilerServices;

namespace ReturnMonitor.Data;

/// <summary>
/// Parses the records of an order CSV file, given as blocks of UTF-8 bytes, into a sink: the tokenizer
/// (<see cref="Utf8CsvTokenizer"/>) splits, the cell parser (<see cref="OrderCellParser"/>) checks, the sink keeps.
/// The same code for the table reader and the streaming summariser. One instance per thread.
/// </summary>
internal sealed class OrderRecordParser
{
    private readonly OrderCsvLayout layout;
    private readonly string file;
    private readonly Utf8CsvTokenizer tokenizer;
    private readonly OrderCellParser cells;
    private readonly HashSet<string>?[] kept;
    private readonly byte[] otherUtf8;

    public OrderRecordParser(OrderCsvLayout layout, string file, MissingCells missing)
    {
        this.layout = layout;
        this.file = file;
        tokenizer = new Utf8CsvTokenizer(file, layout.FieldCount);
        cells = new OrderCellParser(file, missing, layout.Plan);
        kept = layout.Plan.Kept;
        otherUtf8 = System.Text.Encoding.UTF8.GetBytes(ReadPlan.OtherCategory);
    }

    /// <summary>
    /// Parses at most <paramref name="maxRows"/> records of <paramref name="data"/> from <paramref name="position"/>
    /// (a record boundary on line <paramref name="line"/>) into <paramref name="sink"/>; both advance. Returns the rows parsed
    /// (fewer than <paramref name="maxRows"/> only at the end of <paramref name="data"/>).
    /// </summary>
    /// <exception cref="DataFormatException">A bad record or cell, with its line and column.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Parse<TSink>(ReadOnlySpan<byte> data, ref int position, ref long line, ref TSink sink, int maxRows = int.MaxValue)
        where TSink : struct, IOrderRowSink
    {
        var numericIndex = layout.NumericIndex;
        var categoricalIndex = layout.CategoricalIndex;
        var targetIndex = layout.TargetIndex;
        var fieldCount = layout.FieldCount;
        var tokens = tokenizer;
        var parser = cells;
        var starts = tokens.Starts;
        var ends = tokens.Ends;
        var rows = 0;
        while (rows < maxRows && tokens.Next(data, ref position, ref line, out var record, out var recordLine))
        {
            if (tokens.FieldCount != fieldCount)
            {
                throw new DataFormatException(file, recordLine, null, $"expected {fieldCount} fields as in the header, found {tokens.FieldCount}");
            }

            for (var i = 0; i < numericIndex.Length; i++)
            {
                var k = numericIndex[i];
                if (k < 0)
                {
                    // The column is absent from this batch (allowed only for batches): every value is missing.
                    sink.Number(i, double.NaN, 0, -1);
                    continue;
                }

                var value = parser.Number(record[starts[k]..ends[k]], i, recordLine, out var mantissa, out var scale);
                sink.Number(i, value, mantissa, scale);
            }

            for (var i = 0; i < categoricalIndex.Length; i++)
            {
                var k = categoricalIndex[i];
                if (k < 0)
                {
                    sink.Category(i, []);
                    continue;
                }

                var category = parser.Category(record[starts[k]..ends[k]], i, recordLine);
                sink.Category(i, kept[i] is null || category.IsEmpty ? category : Bucket(i, category));
            }

            sink.EndRow(targetIndex >= 0 ? parser.Label(record[starts[targetIndex]..ends[targetIndex]], recordLine) : 0);
            rows++;
        }

        return rows;
    }

    // A category beyond the kept ones counts as "(other)"; only features with a category limit pay for the look-up.
    private ReadOnlySpan<byte> Bucket(int feature, ReadOnlySpan<byte> category) =>
        kept[feature]!.Contains(System.Text.Encoding.UTF8.GetString(category)) ? category : otherUtf8;
}
