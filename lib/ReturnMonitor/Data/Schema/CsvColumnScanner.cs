using System.Text;

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Streams any CSV file (header of any names, even empty ones) through the project's one tokenizer and feeds every cell
/// to a <see cref="ColumnStatistics"/> per column. Memory: one block of about 1 MiB (grown only for a longer record)
/// plus the statistics' capped distinct values.
/// </summary>
internal static class CsvColumnScanner
{
    private const int BlockSize = 1 << 20;

    /// <summary>Reads <paramref name="path"/> whole; <paramref name="distinctCap"/> bounds each column's distinct values.</summary>
    /// <exception cref="DataFormatException">Missing, empty, not UTF-8, a bad quote, or a row with the wrong number of fields.</exception>
    public static IReadOnlyList<ColumnStatistics> Scan(string path, int distinctCap) => Scan(path, distinctCap, null);

    /// <summary>
    /// The cells of column <paramref name="name"/> in file order, each with the line its record starts on (memory: one
    /// string per row of that column), and the statistics of every column.
    /// </summary>
    /// <exception cref="DataFormatException">As <see cref="Scan(string, int)"/>, or no such column in the header.</exception>
    public static (IReadOnlyList<(string Value, long Line)> Cells, IReadOnlyList<ColumnStatistics> Columns) ReadColumn(string path, string name, int distinctCap)
    {
        var cells = new List<(string, long)>();
        var columns = Scan(path, distinctCap, (name, (line, value) => cells.Add((value, line))));
        return (cells, columns);
    }

    private static IReadOnlyList<ColumnStatistics> Scan(string path, int distinctCap, (string Name, Action<long, string> Sink)? capture)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot open: {e.Message}");
        }

        using (stream)
        {
            return Scan(stream, path, distinctCap, capture);
        }
    }

    private static IReadOnlyList<ColumnStatistics> Scan(Stream stream, string file, int distinctCap, (string Name, Action<long, string> Sink)? capture)
    {
        var captured = -1;
        var buffer = new byte[BlockSize];
        var length = 0;
        var eof = false;
        long line = 1;
        List<ColumnStatistics>? columns = null;
        Utf8CsvTokenizer? tokenizer = null;
        var chars = new char[256];
        var first = true;
        while (true)
        {
            if (!eof)
            {
                var read = stream.ReadAtLeast(buffer.AsSpan(length), buffer.Length - length, throwOnEndOfStream: false);
                eof = length + read < buffer.Length;
                length += read;
            }

            var start = 0;
            if (first)
            {
                first = false;
                if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3;
                }
            }

            var data = buffer.AsSpan(start, length - start);
            var cut = eof ? data.Length : Utf8CsvTokenizer.FindLastRecordEnd(data);
            if (cut < 0)
            {
                // One record longer than the buffer: grow it and read on.
                Array.Resize(ref buffer, buffer.Length * 2);
                data.CopyTo(buffer);
                length = data.Length;
                continue;
            }

            var records = data[..cut];
            Utf8CsvBlockReader.CheckUtf8(records, line, file);
            var position = 0;
            while (true)
            {
                if (tokenizer is null)
                {
                    // The header: any number of fields, any names.
                    var wide = new Utf8CsvTokenizer(file, 1 << 14);
                    if (!wide.Next(records, ref position, ref line, out var header, out _))
                    {
                        break;
                    }

                    columns = [];
                    for (var i = 0; i < Math.Min(wide.FieldCount, 1 << 14); i++)
                    {
                        columns.Add(new ColumnStatistics(Encoding.UTF8.GetString(wide.Field(header, i)).Trim(), distinctCap));
                    }

                    tokenizer = new Utf8CsvTokenizer(file, columns.Count);
                    if (capture is { } c)
                    {
                        captured = columns.FindIndex(s => s.Name == c.Name);
                        if (captured < 0)
                        {
                            throw new DataFormatException(file, 1, c.Name, "no such column in the header");
                        }
                    }

                    continue;
                }

                if (!tokenizer.Next(records, ref position, ref line, out var record, out var recordLine))
                {
                    break;
                }

                if (tokenizer.FieldCount != columns!.Count)
                {
                    throw new DataFormatException(file, recordLine, null, $"has {tokenizer.FieldCount} fields, the header has {columns.Count}");
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    var field = tokenizer.Field(record, i);
                    if (chars.Length < field.Length)
                    {
                        chars = new char[Math.Max(field.Length, chars.Length * 2)];
                    }

                    var n = Encoding.UTF8.GetChars(field, chars);
                    columns[i].Add(chars.AsSpan(0, n));
                    if (i == captured)
                    {
                        capture!.Value.Sink(recordLine, new string(chars, 0, n).Trim());
                    }
                }
            }

            if (eof)
            {
                break;
            }

            var rest = data[cut..];
            rest.CopyTo(buffer);
            length = rest.Length;
        }

        return columns ?? throw new DataFormatException(file, null, null, "empty file: no header");
    }
}
