using System.Globalization;
using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Count files: the exact summary of order data as a long table <c>feature,value,count</c> — what the shipped
/// <c>value_counts.sql</c> produces in any SQL engine. CSV (RFC 4180, UTF-8, header <c>feature,value,count</c> in any
/// column order) or Parquet (extension <c>.parquet</c>; string <c>feature</c> and <c>value</c>, integer <c>count</c>).
/// </summary>
/// <remarks>
/// <para>One record per (feature, distinct value): <c>value</c> is the value as text in invariant culture (<c>2.8</c>,
/// <c>46</c>, <c>46.0</c> and <c>4.6E1</c> are the same number), <c>count</c> a non-negative integer. Features: the seven
/// numeric and two categorical features of the order schema (<c>size_ordered</c> value <c>NA</c> is the "no size"
/// category), <c>returned</c> with values 0/1 (or false/true; omit it for unlabelled data), and the row count as
/// <c>rows,all,N</c>. Every feature's counts must add up to N, which is how a missing feature is detected.</para>
/// <para>Records of the same feature and value are added up, in one file or across files, so the outputs of many
/// partitions can be concatenated: <c>cat part-*.csv</c> works too, since a repeated header line is skipped.</para>
/// </remarks>
public static class ValueCountsFile
{
    /// <summary>The header of a count file.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["feature", "value", "count"];

    /// <summary>The exact summary of the counts in <paramref name="paths"/> taken together.</summary>
    /// <param name="paths">One or more count files (CSV, or Parquet by extension).</param>
    /// <param name="source">Source name of the summary; defaults to the file names joined by commas.</param>
    /// <exception cref="DataFormatException">A file is missing or malformed, or the counts are incomplete (names file and line).</exception>
    public static DatasetSummary Read(IReadOnlyList<string> paths, string? source = null)
    {
        if (paths.Count == 0)
        {
            throw new ArgumentException("at least one count file is required", nameof(paths));
        }

        var builder = new ValueCountsBuilder();
        foreach (var path in paths)
        {
            if (OrderFile.IsParquet(path))
            {
                ValueCountsParquet.ReadInto(builder, path);
            }
            else
            {
                ReadCsvInto(builder, path);
            }
        }

        var names = string.Join(", ", paths);
        return builder.Build(source ?? names, names);
    }

    /// <summary>Adds the records of one CSV count file to <paramref name="builder"/>.</summary>
    /// <exception cref="DataFormatException">Missing file, bad header, wrong field count or a bad record.</exception>
    public static void ReadCsvInto(ValueCountsBuilder builder, string path)
    {
        // Count files hold one line per distinct value, not per order: read whole, up to the limit for such files.
        var data = InputFiles.ReadAllBytes(path);
        ReadCsvInto(builder, data, path);
    }

    /// <summary>Adds the records of CSV count text (UTF-8 bytes, optional BOM) to <paramref name="builder"/>.</summary>
    public static void ReadCsvInto(ValueCountsBuilder builder, ReadOnlySpan<byte> data, string name)
    {
        if (data.StartsWith("\uFEFF"u8))
        {
            data = data[3..];
        }

        Utf8CsvBlockReader.CheckUtf8(data, 1, name);
        // The same tokenizer as the order readers: quoting, CRLF and blank lines are handled identically.
        var tokenizer = new Utf8CsvTokenizer(name, Columns.Count);
        var position = 0;
        long line = 1;
        if (!tokenizer.Next(data, ref position, ref line, out var record, out _))
        {
            throw new DataFormatException(name, null, null, "the file is empty: expected the header line feature,value,count");
        }

        var header = Fields(tokenizer, record);
        var columns = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
        if (header.Length != Columns.Count || columns.Any(p => p < 0))
        {
            throw new DataFormatException(name, 1, null, $"the header must be feature,value,count (any order), found '{OrderCellParser.Show(string.Join(",", header))}'");
        }

        while (tokenizer.Next(data, ref position, ref line, out record, out var recordLine))
        {
            if (tokenizer.FieldCount != header.Length)
            {
                throw new DataFormatException(name, recordLine, null, $"expected 3 fields (feature,value,count), found {tokenizer.FieldCount}");
            }

            var fields = Fields(tokenizer, record);
            if (fields.SequenceEqual(header))
            {
                // The header of the next part of a concatenated file (cat part-*.csv > all.csv).
                continue;
            }

            builder.Add(fields[columns[0]], fields[columns[1]], fields[columns[2]], name, recordLine);
        }
    }

    /// <summary>Writes the exact summary as CSV counts (the inverse of <see cref="Read"/>; numbers in shortest round-trip form).</summary>
    public static void Write(DatasetSummary summary, TextWriter writer)
    {
        writer.Write(string.Join(',', Columns) + "\n");
        writer.Write($"{ValueCountsBuilder.RowsFeature},{ValueCountsBuilder.RowsValue},{Count(summary.Rows)}\n");
        foreach (var feature in summary.NumericFeatures)
        {
            var distribution = summary.Numeric[feature.Name];
            for (var i = 0; i < distribution.Values.Length; i++)
            {
                writer.Write($"{feature.Name},{OrderCsv.FormatNumber(distribution.Values[i])},{Count(distribution.Counts[i])}\n");
            }
        }

        foreach (var feature in summary.CategoricalFeatures)
        {
            foreach (var (category, count) in summary.Categorical[feature.Name].Pairs)
            {
                writer.Write($"{feature.Name},{Quote(category)},{Count(count)}\n");
            }
        }

        if (summary.Returned is { } returned)
        {
            writer.Write($"{OrderSchema.Target},0,{Count(summary.Rows - returned)}\n");
            writer.Write($"{OrderSchema.Target},1,{Count(returned)}\n");
        }
    }

    /// <summary>Writes the exact summary as a CSV count file (UTF-8, LF).</summary>
    public static void Write(DatasetSummary summary, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(summary, writer);
    }

    private static string[] Fields(Utf8CsvTokenizer tokenizer, ReadOnlySpan<byte> record)
    {
        var fields = new string[Math.Min(tokenizer.FieldCount, Columns.Count)];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = Encoding.UTF8.GetString(tokenizer.Field(record, i)).Trim();
        }

        return fields;
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
