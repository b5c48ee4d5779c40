namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Cuts one file into periods by its timestamp column (as NannyML's <c>chunk_period</c>): each row goes to the day,
/// ISO week, month or quarter (<see cref="BatchPeriod.Of"/>) of its date. Rows are returned as indices in file order,
/// which is the order of the table the readers build, so <c>OrderTable.Select</c> takes a period's orders.
/// </summary>
public static class TimestampPeriods
{
    /// <summary>The period lengths accepted by <c>--every</c>.</summary>
    public static IReadOnlyList<string> Lengths { get; } = ["day", "week", "month", "quarter"];

    /// <summary>
    /// The periods of <paramref name="path"/> in time order, each with its rows (0-based, file order). The date form is
    /// <paramref name="format"/>, or inferred as <see cref="SchemaInference"/> does.
    /// </summary>
    /// <exception cref="DataFormatException">
    /// No such column, a form the file does not settle (give the format), or a cell that is empty or not a date of the
    /// form (the message names the line and the column: a row is never silently dropped).
    /// </exception>
    public static IReadOnlyList<(BatchPeriod Period, int[] Rows)> Split(string path, string column, string every, string? format = null)
    {
        if (!Lengths.Contains(every))
        {
            throw new ArgumentException($"--every '{every}' is not one of {string.Join(", ", Lengths)}");
        }

        var (cells, columns) = CsvColumnScanner.ReadColumn(path, column, 2);
        if (format is null)
        {
            var decided = SchemaInference.Infer(columns, new SchemaInferenceOptions { Timestamp = column }, path);
            format = decided.Find(column)!.Format!;
        }

        var groups = new SortedDictionary<BatchPeriod, List<int>>();
        for (var row = 0; row < cells.Count; row++)
        {
            var (value, line) = cells[row];
            if (!TimestampFormat.TryParse(value, format, out var when))
            {
                throw new DataFormatException(path, line, column, value.Length == 0
                    ? "empty timestamp: the order cannot be placed in a period"
                    : $"'{value}' is not a date in the form {format}");
            }

            var period = BatchPeriod.Of(DateOnly.FromDateTime(when), every);
            if (!groups.TryGetValue(period, out var rows))
            {
                groups[period] = rows = [];
            }

            rows.Add(row);
        }

        return groups.Select(g => (g.Key, g.Value.ToArray())).ToArray();
    }

    /// <summary>
    /// The periods of dates already read (one per row, file order), as <see cref="Split"/> cuts them, or null when
    /// these values cannot settle it: a value empty or not a date of the form, or no form given and not exactly one
    /// of <see cref="TimestampFormat.Names"/> reading every value. The caller then falls back to <see cref="Split"/>,
    /// which names the line and column of the problem (or decides the form by the inference's rules).
    /// </summary>
    public static IReadOnlyList<(BatchPeriod Period, int[] Rows)>? FromValues(IReadOnlyList<string> values, string every, string? format = null)
    {
        if (!Lengths.Contains(every) || values.Count == 0)
        {
            return null;
        }

        var forms = format is null ? TimestampFormat.Names : [format];
        var dates = new DateTime[values.Count];
        var settled = forms.Where(f =>
        {
            for (var row = 0; row < values.Count; row++)
            {
                if (!TimestampFormat.TryParse(values[row], f, out dates[row]))
                {
                    return false;
                }
            }

            return true;
        }).ToArray();
        if (settled.Length != 1)
        {
            return null;
        }

        // dates holds the last form tried: parse again with the one that settled it.
        for (var row = 0; row < values.Count; row++)
        {
            TimestampFormat.TryParse(values[row], settled[0], out dates[row]);
        }

        var groups = new SortedDictionary<BatchPeriod, List<int>>();
        for (var row = 0; row < dates.Length; row++)
        {
            var period = BatchPeriod.Of(DateOnly.FromDateTime(dates[row]), every);
            if (!groups.TryGetValue(period, out var rows))
            {
                groups[period] = rows = [];
            }

            rows.Add(row);
        }

        return groups.Select(g => (g.Key, g.Value.ToArray())).ToArray();
    }
}
