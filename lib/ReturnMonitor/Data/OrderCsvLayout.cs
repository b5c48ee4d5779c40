namespace ReturnMonitor.Data;

/// <summary>
/// Where each column of a <see cref="ReadPlan"/> is in a CSV file's header; columns other than the plan's are ignored.
/// A feature column missing from the header is an error, or, for a batch read with <see cref="MissingCells.Allow"/>,
/// a column of missing values (index −1) that data quality reports by name.
/// </summary>
internal sealed class OrderCsvLayout
{
    private OrderCsvLayout(ReadPlan plan, string[] header, int[] numericIndex, int[] categoricalIndex, int targetIndex)
    {
        Plan = plan;
        Header = header;
        NumericIndex = numericIndex;
        CategoricalIndex = categoricalIndex;
        TargetIndex = targetIndex;
    }

    /// <summary>The columns read.</summary>
    public ReadPlan Plan { get; }

    /// <summary>The header's column names, trimmed.</summary>
    public string[] Header { get; }

    /// <summary>Number of fields every record must have.</summary>
    public int FieldCount => Header.Length;

    /// <summary>Field index of each numeric feature, in <see cref="ReadPlan.NumericFeatures"/> order; −1 when the column is absent.</summary>
    public int[] NumericIndex { get; }

    /// <summary>Field index of each categorical feature, in <see cref="ReadPlan.CategoricalFeatures"/> order; −1 when the column is absent.</summary>
    public int[] CategoricalIndex { get; }

    /// <summary>Field index of the target, or −1 for unlabelled data.</summary>
    public int TargetIndex { get; }

    /// <summary>Whether the data has the target column.</summary>
    public bool Labelled => TargetIndex >= 0;

    /// <summary>
    /// Reads the header, the first record of <paramref name="headerBytes"/> that is not blank (UTF-8, already checked
    /// valid), and locates the schema's columns.
    /// </summary>
    /// <exception cref="DataFormatException">No header, an empty or duplicate header field, or a required column missing.</exception>
    public static OrderCsvLayout FromHeaderBytes(ReadOnlySpan<byte> headerBytes, string file, ReadPlan plan, MissingCells missing)
    {
        // First pass counts the fields, second keeps them all.
        var position = 0;
        long line = 1;
        var counter = new Utf8CsvTokenizer(file, 0);
        if (!counter.Next(headerBytes, ref position, ref line, out _, out _))
        {
            throw new DataFormatException(file, null, null, "the file is empty: expected a header line with the columns " + ExpectedColumns(plan));
        }

        if (counter.FieldCount > InputLimits.MaxHeaderColumns)
        {
            // Checked before a name is decoded: the names of a header of millions of columns would take the memory.
            throw new DataFormatException(file, 1, null, FormattableString.Invariant($"the header has {counter.FieldCount:N0} columns, more than the limit of {InputLimits.MaxHeaderColumns:N0}"));
        }

        var tokenizer = new Utf8CsvTokenizer(file, counter.FieldCount);
        position = 0;
        line = 1;
        tokenizer.Next(headerBytes, ref position, ref line, out var record, out _);
        var header = new string[tokenizer.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            var cell = System.Text.Encoding.UTF8.GetString(tokenizer.Field(record, i)).AsSpan();
            if (i == 0 && cell.StartsWith("\uFEFF"))
            {
                cell = cell[1..];
            }

            header[i] = cell.Trim().ToString();
        }

        return FromHeader(header, file, plan, missing);
    }

    private static OrderCsvLayout FromHeader(string[] header, string file, ReadPlan plan, MissingCells missing)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0 && !plan.OtherColumns.Contains(""))
            {
                throw new DataFormatException(file, 1, null, $"header field {i + 1} is empty");
            }

            if (!positions.TryAdd(header[i], i))
            {
                throw new DataFormatException(file, 1, header[i], $"appears twice in the header (fields {positions[header[i]] + 1} and {i + 1})");
            }
        }

        // A batch may lack a feature column: its values are all missing, which data quality reports by name.
        int Find(string column) => positions.TryGetValue(column, out var index)
            ? index
            : missing == MissingCells.Allow ? -1
            : throw new DataFormatException(file, 1, column, "required column is missing from the header" + Hint(column, positions.Keys));

        return new OrderCsvLayout(
            plan,
            header,
            plan.NumericFeatures.Select(f => Find(f.Name)).ToArray(),
            plan.CategoricalFeatures.Select(f => Find(f.Name)).ToArray(),
            plan.Target is { } target ? positions.GetValueOrDefault(target, -1) : -1);
    }

    private static string ExpectedColumns(ReadPlan plan) =>
        ReferenceEquals(plan, ReadPlan.Demo)
            ? string.Join(", ", OrderSchema.ColumnOrder)
            : string.Join(", ", plan.Features.Select(f => f.Name).Concat(plan.Target is { } t ? [t] : []));

    private static string Hint(string column, IEnumerable<string> present)
    {
        var close = present.FirstOrDefault(p => string.Equals(p.Trim(), column, StringComparison.OrdinalIgnoreCase));
        return close is null ? "" : $" (found '{close}': column names are case-sensitive)";
    }
}
