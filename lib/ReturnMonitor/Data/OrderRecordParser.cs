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

    public OrderRecordParser(OrderCsvLayout layout, string file, MissingCells missing)
    {
        this.layout = layout;
        this.file = file;
        tokenizer = new Utf8CsvTokenizer(file, layout.FieldCount);
        cells = new OrderCellParser(file, missing);
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
        var rows = 0;
        while (rows < maxRows && tokenizer.Next(data, ref position, ref line, out var record, out var recordLine))
        {
            if (tokenizer.FieldCount != layout.FieldCount)
            {
                throw new DataFormatException(file, recordLine, null, $"expected {layout.FieldCount} fields as in the header, found {tokenizer.FieldCount}");
            }

            for (var i = 0; i < numericIndex.Length; i++)
            {
                var value = cells.Number(tokenizer.Field(record, numericIndex[i]), i, recordLine, out var mantissa, out var scale);
                sink.Number(i, value, mantissa, scale);
            }

            for (var i = 0; i < categoricalIndex.Length; i++)
            {
                sink.Category(i, cells.Category(tokenizer.Field(record, categoricalIndex[i]), i, recordLine));
            }

            sink.EndRow(targetIndex >= 0 ? cells.Label(tokenizer.Field(record, targetIndex), recordLine) : 0);
            rows++;
        }

        return rows;
    }
}
