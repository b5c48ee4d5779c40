using System.Globalization;
using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Reads and writes order tables as CSV in the original system's format. Reading is strict: every problem
/// (missing column, bad number, value out of range, wrong field count) is a <see cref="DataFormatException"/>
/// naming file, line, column and value — nothing is dropped or guessed. <c>NA</c> in <c>size_ordered</c> is the
/// "no size" category, not a missing value. Columns other than the schema's are ignored. The <c>returned</c>
/// column is optional (unlabelled production data). An empty feature cell is an error unless the read is asked to
/// accept gaps with <see cref="MissingCells.Allow"/> (batch files); see <see cref="OrderTable.IsMissing"/>.
/// The file is read as UTF-8 bytes (a UTF-16 file by its byte-order mark is transcoded) through the same tokenizer
/// and cell parser as the streaming summariser, so both accept the same files with the same messages.
/// </summary>
public static class OrderCsv
{
    private const int BlockSize = 1 << 16;

    private static readonly ReadPlan HeaderOnly = new([], null, otherColumns: [""]);

    /// <summary>Reads a whole file into one table.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="displayName">Name used in error messages and as the table's source; defaults to <paramref name="path"/> as given.</param>
    /// <param name="missing">Whether an empty feature cell is an error (default) or a missing value.</param>
    /// <param name="plan">The columns to read; null for the demo's (<see cref="ReadPlan.Demo"/>).</param>
    /// <exception cref="DataFormatException">The file is missing, empty or has a bad header or cell.</exception>
    public static OrderTable Read(string path, string? displayName = null, MissingCells missing = MissingCells.Reject, ReadPlan? plan = null) =>
        ReadChunks(path, int.MaxValue, displayName, missing, plan).Last();

    /// <summary>Parses CSV text (for tests and notebooks).</summary>
    public static OrderTable Parse(string csv, string name = "<text>", MissingCells missing = MissingCells.Reject, ReadPlan? plan = null) =>
        ReadChunks(new MemoryStream(new UTF8Encoding(false).GetBytes(csv)), int.MaxValue, name, missing, plan).Last();

    /// <summary>
    /// Streams a file as tables of at most <paramref name="chunkSize"/> orders each (the last may be shorter; a file with a header
    /// and no rows yields one empty table). Memory is bounded by the chunk size, not the file size.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing, empty or has a bad header (at once) or a bad cell (while enumerating).</exception>
    public static IEnumerable<OrderTable> ReadChunks(string path, int chunkSize, string? displayName = null, MissingCells missing = MissingCells.Reject, ReadPlan? plan = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var name = displayName ?? path;
        return ReadChunks(Utf8CsvBlockReader.Open(path, name, BlockSize, null, plan, missing), chunkSize, name, missing);
    }

    /// <summary>Streams CSV bytes (UTF-8, or UTF-16 with a byte-order mark) as tables of at most <paramref name="chunkSize"/> orders; the stream is disposed at the end.</summary>
    public static IEnumerable<OrderTable> ReadChunks(Stream csv, int chunkSize, string name, MissingCells missing = MissingCells.Reject, ReadPlan? plan = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return ReadChunks(Utf8CsvBlockReader.FromStream(csv, name, BlockSize, null, plan, missing), chunkSize, name, missing);
    }

    private static IEnumerable<OrderTable> ReadChunks(Utf8CsvBlockReader reader, int chunkSize, string name, MissingCells missing)
    {
        using (reader)
        {
            var parser = new OrderRecordParser(reader.Layout, name, missing);
            var columns = new OrderColumnsBuilder(reader.Layout.Plan, reader.Layout.Labelled, Math.Min(chunkSize, 1 << 16));
            var emitted = false;
            foreach (var block in reader.Blocks())
            {
                try
                {
                    Utf8CsvBlockReader.CheckUtf8(block.Span, block.FirstLine, name);
                    var position = 0;
                    var line = block.FirstLine;
                    while (true)
                    {
                        ParseSome(parser, block, ref position, ref line, columns, chunkSize - columns.Count);
                        if (columns.Count < chunkSize)
                        {
                            break;
                        }

                        yield return columns.Build(name);
                        emitted = true;
                        columns = new OrderColumnsBuilder(reader.Layout.Plan, reader.Layout.Labelled, Math.Min(chunkSize, 1 << 16));
                    }
                }
                finally
                {
                    block.Return();
                }
            }

            if (columns.Count > 0 || !emitted)
            {
                yield return columns.Build(name);
            }
        }
    }

    // Parses up to maxRows more records of the block (fewer only when the block ends).
    private static void ParseSome(OrderRecordParser parser, CsvBlock block, ref int position, ref long line, OrderColumnsBuilder columns, int maxRows)
    {
        var sink = new OrderColumnsBuilder.Sink(columns);
        parser.Parse(block.Span, ref position, ref line, ref sink, maxRows);
    }

    /// <summary>The trimmed column names of a CSV file's header (empty ones included), read through the same tokenizer.</summary>
    /// <exception cref="DataFormatException">The file is missing, empty, not UTF-8, or its header is malformed.</exception>
    public static IReadOnlyList<string> ReadHeader(string path, string? displayName = null)
    {
        // A plan of no feature locates nothing and allows an empty header field: only the names are checked and kept.
        using var reader = Utf8CsvBlockReader.Open(path, displayName ?? path, BlockSize, null, HeaderOnly, MissingCells.Reject);
        return reader.Layout.Header;
    }

    /// <summary>Writes a table as CSV: header in the original column order, LF line endings, UTF-8 without BOM, invariant number format; byte-identical for identical tables on any machine.</summary>
    public static void Write(OrderTable table, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        Write(table, writer);
    }

    /// <summary>
    /// Writes a table as CSV text to <paramref name="writer"/>: the demo's columns in the original order, or any other
    /// table's features in its order followed by the 0/1 target as <c>returned</c> (read it back with
    /// <c>new ReadPlan(table.Features, OrderSchema.Target)</c>).
    /// </summary>
    public static void Write(OrderTable table, TextWriter writer)
    {
        var demo = table.Features.Select(f => f.Name).SequenceEqual(OrderSchema.Features.Select(f => f.Name));
        var order = demo ? OrderSchema.ColumnOrder : [.. table.Features.Select(f => f.Name), OrderSchema.Target];
        var kinds = table.Features.ToDictionary(f => f.Name, f => f.Kind, StringComparer.Ordinal);
        var columns = order.Where(c => c != OrderSchema.Target || table.HasTarget).ToArray();
        writer.Write(string.Join(',', columns.Select(Quote)));
        writer.Write('\n');
        var line = new StringBuilder();
        for (var row = 0; row < table.Count; row++)
        {
            line.Clear();
            for (var c = 0; c < columns.Length; c++)
            {
                var column = columns[c];
                if (c > 0)
                {
                    line.Append(',');
                }

                if (column == OrderSchema.Target)
                {
                    line.Append(table.Returned[row] ? '1' : '0');
                }
                else if (kinds[column] == FeatureKind.Numeric)
                {
                    // A missing value is an empty cell, as it was read.
                    var value = table.Numeric(column)[row];
                    line.Append(double.IsNaN(value) ? "" : FormatNumber(value));
                }
                else
                {
                    line.Append(Quote(table.Categorical(column)[row]));
                }
            }

            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>Shortest invariant text that reads back to the same double; integral values without a decimal point.</summary>
    public static string FormatNumber(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
