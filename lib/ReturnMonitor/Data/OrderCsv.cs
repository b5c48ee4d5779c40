using System.Globalization;
using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Reads and writes order tables as CSV in the original system's format. Reading is strict: every problem
/// (missing column, bad number, value out of range, wrong field count) is a <see cref="DataFormatException"/>
/// naming file, line, column and value — nothing is dropped or guessed. <c>NA</c> in <c>size_ordered</c> is the
/// "no size" category, not a missing value. Columns other than the schema's are ignored. The <c>returned</c>
/// column is optional (unlabelled production data).
/// </summary>
public static class OrderCsv
{
    /// <summary>Reads a whole file into one table.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="displayName">Name used in error messages and as the table's source; defaults to <paramref name="path"/> as given.</param>
    /// <exception cref="DataFormatException">The file is missing, empty or has a bad header or cell.</exception>
    public static OrderTable Read(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        OrderTable? whole = null;
        foreach (var chunk in ReadChunks(path, int.MaxValue, name))
        {
            whole = chunk;
        }

        return whole!;
    }

    /// <summary>Parses CSV text (for tests and notebooks).</summary>
    public static OrderTable Parse(string csv, string name = "<text>")
    {
        using var reader = new StringReader(csv);
        return ReadChunks(reader, int.MaxValue, name).Last();
    }

    /// <summary>
    /// Streams a file as tables of at most <paramref name="chunkSize"/> orders each (the last may be shorter; a file with a header
    /// and no rows yields one empty table). Memory is bounded by the chunk size, not the file size.
    /// </summary>
    public static IEnumerable<OrderTable> ReadChunks(string path, int chunkSize, string? displayName = null)
    {
        var name = displayName ?? path;
        StreamReader stream;
        try
        {
            stream = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(name, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot open: {e.Message}");
        }

        return ReadAndDispose(stream, chunkSize, name);
    }

    private static IEnumerable<OrderTable> ReadAndDispose(StreamReader stream, int chunkSize, string name)
    {
        using (stream)
        {
            foreach (var chunk in ReadChunks(stream, chunkSize, name))
            {
                yield return chunk;
            }
        }
    }

    /// <summary>Streams CSV text from a reader as tables of at most <paramref name="chunkSize"/> orders.</summary>
    public static IEnumerable<OrderTable> ReadChunks(TextReader text, int chunkSize, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var records = new CsvRecordReader(text, name);
        ReadOnlySpan<char> bom = ['\uFEFF'];
        if (!Safe(records.Read, name))
        {
            throw new DataFormatException(name, null, null, "the file is empty: expected a header line with the columns " + string.Join(", ", OrderSchema.ColumnOrder));
        }

        var header = new string[records.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            var cell = records.Field(i);
            if (i == 0 && cell.StartsWith(bom))
            {
                cell = cell[1..];
            }

            header[i] = cell.Trim().ToString();
        }

        var layout = ColumnLayout.FromHeader(header, name);
        var emitted = false;
        var chunk = new ChunkBuilder(layout, Math.Min(chunkSize, 1 << 16));
        while (Safe(records.Read, name))
        {
            if (records.FieldCount != header.Length)
            {
                throw new DataFormatException(name, records.Line, null, $"expected {header.Length} fields as in the header, found {records.FieldCount}");
            }

            chunk.Add(records, name);
            if (chunk.Count == chunkSize)
            {
                yield return chunk.Build(name);
                emitted = true;
                chunk = new ChunkBuilder(layout, Math.Min(chunkSize, 1 << 16));
            }
        }

        if (chunk.Count > 0 || !emitted)
        {
            yield return chunk.Build(name);
        }
    }

    // Decoding errors (invalid UTF-8) surface from the reader as exceptions; turn them into one-line messages.
    private static bool Safe(Func<bool> read, string name)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException e)
        {
            throw new DataFormatException(name, null, null, $"not valid UTF-8 text ({e.Message})");
        }
        catch (IOException e)
        {
            throw new DataFormatException(name, null, null, $"read error: {e.Message}");
        }
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

    /// <summary>Writes a table as CSV text to <paramref name="writer"/>.</summary>
    public static void Write(OrderTable table, TextWriter writer)
    {
        var columns = OrderSchema.ColumnOrder.Where(c => c != OrderSchema.Target || table.HasTarget).ToArray();
        writer.Write(string.Join(',', columns));
        writer.Write('\n');
        var line = new StringBuilder();
        for (var row = 0; row < table.Count; row++)
        {
            line.Clear();
            foreach (var column in columns)
            {
                if (line.Length > 0)
                {
                    line.Append(',');
                }

                if (column == OrderSchema.Target)
                {
                    line.Append(table.Returned[row] ? '1' : '0');
                }
                else if (OrderSchema.Feature(column).Kind == FeatureKind.Numeric)
                {
                    line.Append(FormatNumber(table.Numeric(column)[row]));
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

    /// <summary>Where each schema column is in the file's header.</summary>
    private sealed class ColumnLayout
    {
        public required int[] NumericIndex { get; init; }

        public required int[] CategoricalIndex { get; init; }

        public required int TargetIndex { get; init; }

        public required string[] Header { get; init; }

        public static ColumnLayout FromHeader(string[] header, string name)
        {
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i].Length == 0)
                {
                    throw new DataFormatException(name, 1, null, $"header field {i + 1} is empty");
                }

                if (!positions.TryAdd(header[i], i))
                {
                    throw new DataFormatException(name, 1, header[i], $"appears twice in the header (fields {positions[header[i]] + 1} and {i + 1})");
                }
            }

            int Find(string column) => positions.TryGetValue(column, out var index)
                ? index
                : throw new DataFormatException(name, 1, column, "required column is missing from the header" + Hint(column, positions.Keys));

            return new ColumnLayout
            {
                NumericIndex = OrderSchema.NumericFeatures.Select(f => Find(f.Name)).ToArray(),
                CategoricalIndex = OrderSchema.CategoricalFeatures.Select(f => Find(f.Name)).ToArray(),
                TargetIndex = positions.GetValueOrDefault(OrderSchema.Target, -1),
                Header = header,
            };
        }

        private static string Hint(string column, IEnumerable<string> present)
        {
            var close = present.FirstOrDefault(p => string.Equals(p.Trim(), column, StringComparison.OrdinalIgnoreCase));
            return close is null ? "" : $" (found '{close}': column names are case-sensitive)";
        }
    }

    private sealed class ChunkBuilder
    {
        private readonly ColumnLayout layout;
        private readonly List<double>[] numeric;
        private readonly List<string>[] categorical;
        private readonly List<bool>? returned;
        // Category strings repeat millions of times in a large file: keep one instance of each.
        private readonly Dictionary<string, string>[] interned;

        public ChunkBuilder(ColumnLayout layout, int capacity)
        {
            this.layout = layout;
            numeric = layout.NumericIndex.Select(_ => new List<double>(capacity)).ToArray();
            categorical = layout.CategoricalIndex.Select(_ => new List<string>(capacity)).ToArray();
            interned = layout.CategoricalIndex.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
            returned = layout.TargetIndex >= 0 ? new List<bool>(capacity) : null;
        }

        public int Count => numeric[0].Count;

        public void Add(CsvRecordReader record, string name)
        {
            for (var i = 0; i < numeric.Length; i++)
            {
                var feature = OrderSchema.NumericFeatures[i];
                var cell = record.Field(layout.NumericIndex[i]);
                numeric[i].Add(ParseNumber(cell, feature, record.Line, name));
            }

            for (var i = 0; i < categorical.Length; i++)
            {
                var cell = record.Field(layout.CategoricalIndex[i]).Trim();
                if (cell.IsEmpty)
                {
                    throw new DataFormatException(name, record.Line, OrderSchema.CategoricalFeatures[i].Name, "empty value: every order needs a category (use NA for \"no size\")");
                }

                var lookup = interned[i].GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.TryGetValue(cell, out var value))
                {
                    value = cell.ToString();
                    interned[i][value] = value;
                }

                categorical[i].Add(value);
            }

            if (returned is not null)
            {
                var cell = record.Field(layout.TargetIndex).Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) || (label != 0 && label != 1))
                {
                    throw new DataFormatException(name, record.Line, OrderSchema.Target, $"'{Show(cell)}' is not 0 or 1");
                }

                returned.Add(label == 1);
            }
        }

        public OrderTable Build(string name)
        {
            var num = new Dictionary<string, double[]>(StringComparer.Ordinal);
            for (var i = 0; i < numeric.Length; i++)
            {
                num[OrderSchema.NumericFeatures[i].Name] = numeric[i].ToArray();
            }

            var cat = new Dictionary<string, string[]>(StringComparer.Ordinal);
            for (var i = 0; i < categorical.Length; i++)
            {
                cat[OrderSchema.CategoricalFeatures[i].Name] = categorical[i].ToArray();
            }

            return new OrderTable(name, num, cat, returned?.ToArray());
        }

        private static double ParseNumber(ReadOnlySpan<char> cell, FeatureDefinition feature, long line, string name)
        {
            var trimmed = cell.Trim();
            if (trimmed.IsEmpty)
            {
                throw new DataFormatException(name, line, feature.Name, "empty value: a number is required");
            }

            if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new DataFormatException(name, line, feature.Name, $"'{Show(trimmed)}' is not a number");
            }

            if (feature.Validate(value) is { } problem)
            {
                throw new DataFormatException(name, line, feature.Name, $"'{Show(trimmed)}' {problem}");
            }

            return value;
        }
    }

    // Keep messages one line and short whatever the cell holds.
    internal static string Show(ReadOnlySpan<char> cell)
    {
        var text = cell.Length > 40 ? cell[..40].ToString() + "…" : cell.ToString();
        return text.Replace("\r", "\\r").Replace("\n", "\\n");
    }
}
