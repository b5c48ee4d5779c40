using System.Text.RegularExpressions;

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Infers a <see cref="DatasetSchema"/> from a CSV file in one streaming pass, each decision with a reason a person can
/// check (docs/your-own-orders.md lists the rules with examples). First match wins, per column:
/// a flag (<c>--target</c>, <c>--score-column</c>, <c>--prediction-column</c>, <c>--numeric</c>, <c>--categorical</c>,
/// <c>--ignore</c>, <c>--timestamp</c>); an empty
/// header or pandas' <c>Unnamed: 0</c> → ignored (an index column); no value → ignored; a target name
/// (<see cref="TargetNames"/>) with two labels → target; one value → ignored (constant); numbers → numeric, unless whole,
/// unique per row and consecutive (a row number) or named like an id (<c>order_id</c>, <c>InvoiceNo</c>,
/// <c>CustomerID</c>) → id; dates of one form → timestamp; text named like an id or unique per row → id; text of three
/// or more words on average or over 100 characters → ignored (free text); other text → categorical, capped at
/// <see cref="SchemaInferenceOptions.MaxCategories"/> most frequent values plus <see cref="DatasetSchema.OtherCategory"/>.
/// Meanings come from the name (<c>price</c>, <c>discount</c>, <c>delivery</c>, <c>rating</c>, <c>category</c>, <c>size</c>, …).
/// </summary>
public static partial class SchemaInference
{
    /// <summary>Names taken as the target when no <c>--target</c> is given (compared ignoring case).</summary>
    public static IReadOnlyList<string> TargetNames { get; } = ["returned", "is_returned", "return_status", "label", "target"];

    private static readonly (string[] Words, ColumnMeaning Meaning)[] MeaningWords =
    [
        (["discount"], ColumnMeaning.DiscountPercent),
        (["price"], ColumnMeaning.Price),
        (["delivery", "shipping_days", "shipping_time"], ColumnMeaning.DeliveryDays),
        (["rating", "stars"], ColumnMeaning.Rating),
        (["purchase_history", "previous_orders", "past_orders", "order_count"], ColumnMeaning.PurchaseHistory),
        (["previous_returns", "past_returns", "prior_returns", "return_history"], ColumnMeaning.PreviousReturns),
        (["category"], ColumnMeaning.Category),
        (["size"], ColumnMeaning.Size),
    ];

    /// <summary>
    /// Reads <paramref name="path"/> (CSV, or Parquet by the extension <c>.parquet</c>) and infers its schema. Parquet
    /// follows the CSV's rules on the same values (<see cref="ParquetColumnScanner"/>); a column the Parquet schema types
    /// as text is never numeric, even when every value is digits.
    /// </summary>
    /// <exception cref="DataFormatException">The file cannot be read, or a flag does not fit the data (the message says how).</exception>
    public static SchemaInferenceResult Infer(string path, SchemaInferenceOptions? options = null)
    {
        options ??= new SchemaInferenceOptions();
        var cap = Math.Max(options.DistinctCap, options.MaxCategories + 1);
        if (ParquetColumnScanner.IsParquet(path))
        {
            var (columns, text) = ParquetColumnScanner.Scan(path, cap);
            return new SchemaInferenceResult(InferParquet(columns, text, options, path), columns.Count == 0 ? 0 : columns[0].Rows);
        }

        var stats = CsvColumnScanner.Scan(path, cap);
        return new SchemaInferenceResult(Infer(stats, options, path), stats.Count == 0 ? 0 : stats[0].Rows);
    }

    // The CSV's rules, then the file's types: a text column decided numeric (digits only) is decided again as a
    // categorical one, unless the user named it numeric (the reader then says the column is not a number).
    private static DatasetSchema InferParquet(IReadOnlyList<ColumnStatistics> stats, IReadOnlySet<string> text, SchemaInferenceOptions options, string file)
    {
        var schema = Infer(stats, options, file);
        var digits = schema.Columns
            .Where(c => c.Role == ColumnRole.Numeric && text.Contains(c.Name) && !options.Numeric.Contains(c.Name))
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (digits.Count == 0)
        {
            return schema;
        }

        const string Override = "--categorical, ";
        var again = Infer(stats, options with { Categorical = [.. options.Categorical, .. digits] }, file);
        return new DatasetSchema(again.Columns.Select(c => digits.Contains(c.Name) && c.Reason is { } reason
            ? c with { Reason = "text in the Parquet schema, " + (reason.StartsWith(Override, StringComparison.Ordinal) ? reason[Override.Length..] : reason) }
            : c));
    }

    /// <summary>The decisions, from the statistics of every column.</summary>
    internal static DatasetSchema Infer(IReadOnlyList<ColumnStatistics> stats, SchemaInferenceOptions options, string file)
    {
        CheckFlags(stats, options, file);
        var columns = new List<SchemaColumn>();
        var haveTarget = false;
        var haveTimestamp = false;
        var usedMeanings = new HashSet<ColumnMeaning>();
        foreach (var s in stats)
        {
            var column = Decide(s, options, file, haveTarget, haveTimestamp);
            haveTarget |= column.Role == ColumnRole.Target;
            haveTimestamp |= column.Role == ColumnRole.Timestamp;
            if (column.IsFeature && MeaningOf(s.Name) is { } meaning && SchemaNames.IsNumeric(meaning) == (column.Role == ColumnRole.Numeric)
                && usedMeanings.Add(meaning))
            {
                column = column with { Meaning = meaning, Reason = $"{column.Reason}; meaning {SchemaNames.Name(meaning)} from the name" };
            }

            columns.Add(column);
        }

        return new DatasetSchema(columns);
    }

    private static SchemaColumn Decide(ColumnStatistics s, SchemaInferenceOptions o, string file, bool haveTarget, bool haveTimestamp)
    {
        var name = s.Name;
        if (o.Target == name)
        {
            return TargetOf(s, o.Positive, file, "--target") ?? throw new DataFormatException(file, null, name, "--target: " + NotBinary(s));
        }

        if (o.Score == name)
        {
            return new SchemaColumn(name, ColumnRole.Score) { Reason = "--score-column: the model's score, not a feature" };
        }

        if (o.Prediction == name)
        {
            return new SchemaColumn(name, ColumnRole.Prediction) { Reason = "--prediction-column: the model's decision, not a feature" };
        }

        if (o.Ignore.Contains(name))
        {
            return new SchemaColumn(name, ColumnRole.Ignored) { Reason = "--ignore" };
        }

        if (o.Numeric.Contains(name))
        {
            if (s.Numbers < s.Filled)
            {
                throw new DataFormatException(file, null, name, $"--numeric: {s.Filled - s.Numbers} of {s.Filled} values are not numbers");
            }

            return new SchemaColumn(name, ColumnRole.Numeric) { Reason = $"--numeric{Range(s)}" };
        }

        if (o.Categorical.Contains(name))
        {
            return Categorical(s, o, "--categorical, ");
        }

        if (o.Timestamp == name)
        {
            var format = o.TimestampFormat ?? DateFormat(s, out var why) ?? throw new DataFormatException(file, null, name, $"--timestamp: {why}");
            return new SchemaColumn(name, ColumnRole.Timestamp) { Format = format, Reason = $"--timestamp, {format}" };
        }

        if (name.Length == 0 || IndexHeader().IsMatch(name))
        {
            return new SchemaColumn(name, ColumnRole.Ignored) { Reason = "empty header (an index column)" };
        }

        if (s.Filled == 0)
        {
            return new SchemaColumn(name, ColumnRole.Ignored) { Reason = "entirely empty" };
        }

        var targetNote = "";
        if (o.Target is null && !haveTarget && TargetNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            if (TargetOf(s, o.Positive, file, null) is { } target)
            {
                return target;
            }

            targetNote = $" (named like a target but {NotBinary(s)})";
        }

        if (!s.Capped && s.Distinct == 1)
        {
            return new SchemaColumn(name, ColumnRole.Ignored) { Reason = $"constant: every value is '{s.Counts.Keys.First()}'{targetNote}" };
        }

        var uniquePerRow = s.NoRepeat && s.Empty == 0 && s.Filled > 1;
        if (s.Numbers == s.Filled)
        {
            if (s.AllWhole && IdName(name))
            {
                return new SchemaColumn(name, ColumnRole.Id) { Reason = "named like an id" };
            }

            if (s.AllWhole && uniquePerRow && s.Maximum - s.Minimum + 1 == s.Filled)
            {
                return new SchemaColumn(name, ColumnRole.Id) { Reason = $"unique per row, whole numbers {Format(s.Minimum)} to {Format(s.Maximum)} (a row number)" };
            }

            return new SchemaColumn(name, ColumnRole.Numeric) { Reason = $"numbers{Range(s)}{targetNote}" };
        }

        if (s.IsoDates + s.SlashDates == s.Filled)
        {
            if (DateFormat(s, out var why) is not { } format)
            {
                return new SchemaColumn(name, ColumnRole.Ignored) { Reason = why };
            }

            return haveTimestamp
                ? new SchemaColumn(name, ColumnRole.Ignored) { Reason = $"dates ({format}), but an earlier column is the timestamp" }
                : new SchemaColumn(name, ColumnRole.Timestamp) { Format = format, Reason = $"dates, {format}" };
        }

        if (IdName(name))
        {
            return new SchemaColumn(name, ColumnRole.Id) { Reason = "named like an id" };
        }

        if (uniquePerRow)
        {
            return new SchemaColumn(name, ColumnRole.Id) { Reason = s.Capped ? $"unique per row (no repeat among the first {s.Distinct} values)" : "unique per row" };
        }

        if (s.MeanWords >= 3 || s.MaxLength > 100)
        {
            return new SchemaColumn(name, ColumnRole.Ignored) { Reason = $"free text: {s.MeanWords:0.#} words on average, up to {s.MaxLength} characters" };
        }

        return Categorical(s, o, "") with { Reason = Categorical(s, o, "").Reason + targetNote };
    }

    private static SchemaColumn Categorical(ColumnStatistics s, SchemaInferenceOptions o, string prefix)
    {
        if (!s.Capped && s.Distinct <= o.MaxCategories)
        {
            return new SchemaColumn(s.Name, ColumnRole.Categorical) { Reason = $"{prefix}{s.Distinct} values" };
        }

        var more = s.Capped ? $"over {s.Distinct}" : s.Distinct.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new SchemaColumn(s.Name, ColumnRole.Categorical)
        {
            MaxCategories = o.MaxCategories,
            Categories = s.MostFrequent(o.MaxCategories),
            Reason = $"{prefix}{more} values: the {o.MaxCategories} most frequent kept, the rest counted as {DatasetSchema.OtherCategory}",
        };
    }

    // A binary target, or null when the values do not make one (an explicit flag turns null into an error).
    private static SchemaColumn? TargetOf(ColumnStatistics s, string? positive, string file, string? flag)
    {
        var labels = s.Counts.Keys.Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (s.Capped || labels.Length is 0 or > 2)
        {
            return null;
        }

        var how = flag ?? "named like a target";
        var gaps = s.Empty > 0 ? $", {s.Empty} empty" : "";
        if (positive is not null)
        {
            var match = labels.FirstOrDefault(l => string.Equals(l, positive.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new DataFormatException(file, null, s.Name, $"--positive '{positive}' is not one of its values ({string.Join(", ", labels.Select(l => $"'{l}'"))})");
            return new SchemaColumn(s.Name, ColumnRole.Target) { Positive = match, Reason = $"{how}, {Labels(labels)}, positive '{match}' (--positive){gaps}" };
        }

        foreach (var (yes, no) in new[] { ("1", "0"), ("true", "false"), ("yes", "no"), ("y", "n") })
        {
            if (labels.All(l => string.Equals(l, yes, StringComparison.OrdinalIgnoreCase) || string.Equals(l, no, StringComparison.OrdinalIgnoreCase)))
            {
                return new SchemaColumn(s.Name, ColumnRole.Target) { Positive = yes, Reason = $"{how}, {yes}/{no}{gaps}" };
            }
        }

        var returned = labels.Where(l => Normalise(l) is "returned" or "return" or "yes" or "true").ToArray();
        if (labels.Length == 2 && returned.Length == 1)
        {
            return new SchemaColumn(s.Name, ColumnRole.Target) { Positive = returned[0], Reason = $"{how}, {Labels(labels)}, positive '{returned[0]}' by its word{gaps}" };
        }

        if (flag is not null && labels.Length == 2)
        {
            throw new DataFormatException(file, null, s.Name, $"{flag}: two labels {Labels(labels)}: say which means returned with --positive");
        }

        return null;
    }

    private static string NotBinary(ColumnStatistics s) =>
        s.Capped ? $"has over {s.Distinct} values" : s.Distinct is 1 or 2 ? "has labels whose meaning is not clear (give --positive)" : $"has {s.Distinct} values, not two";

    // The date form of a column all of whose values are dates, or null with the reason.
    private static string? DateFormat(ColumnStatistics s, out string why)
    {
        why = "";
        if (s.IsoDates == s.Filled && s.Filled > 0)
        {
            return TimestampFormat.Iso;
        }

        if (s.SlashDates != s.Filled || s.Filled == 0)
        {
            why = $"{s.Filled - s.IsoDates - s.SlashDates} of {s.Filled} values are not dates of one form";
            return null;
        }

        if (s.FirstAbove12 > 0 && s.SecondAbove12 > 0)
        {
            why = "dates mixing day-first and month-first";
            return null;
        }

        if (s.FirstAbove12 > 0 || s.SecondAbove12 > 0)
        {
            return s.FirstAbove12 > 0 ? TimestampFormat.DayFirst : TimestampFormat.MonthFirst;
        }

        why = $"dates whose day/month order the file does not settle (no part above 12): give --timestamp {Quote(s.Name)} --timestamp-format {TimestampFormat.MonthFirst} or {TimestampFormat.DayFirst}";
        return null;
    }

    private static void CheckFlags(IReadOnlyList<ColumnStatistics> stats, SchemaInferenceOptions o, string file)
    {
        var header = stats.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var given = new List<(string Flag, string Name)>();
        given.AddRange(o.Target is null ? [] : [("--target", o.Target)]);
        given.AddRange(o.Timestamp is null ? [] : [("--timestamp", o.Timestamp)]);
        given.AddRange(o.Score is null ? [] : [("--score-column", o.Score)]);
        given.AddRange(o.Prediction is null ? [] : [("--prediction-column", o.Prediction)]);
        given.AddRange(o.Numeric.Select(n => ("--numeric", n)));
        given.AddRange(o.Categorical.Select(n => ("--categorical", n)));
        given.AddRange(o.Ignore.Select(n => ("--ignore", n)));
        foreach (var (flag, name) in given)
        {
            if (!header.Contains(name))
            {
                throw new DataFormatException(file, 1, name, $"{flag}: no such column in the header");
            }
        }

        foreach (var twice in given.GroupBy(g => g.Name).Where(g => g.Count() > 1))
        {
            throw new DataFormatException(file, null, twice.Key, $"given to both {string.Join(" and ", twice.Select(g => g.Flag))}");
        }

        if (o.TimestampFormat is { } format && !TimestampFormat.IsKnown(format))
        {
            throw new DataFormatException(file, null, o.Timestamp, $"--timestamp-format '{format}' is not one of {string.Join(", ", TimestampFormat.Names)}");
        }

        if (o.MaxCategories < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(o), "the category limit must be at least 1");
        }
    }

    private static ColumnMeaning? MeaningOf(string name)
    {
        var snake = SnakeCase(name);
        return MeaningWords.Where(m => m.Words.Any(snake.Contains)).Select(m => (ColumnMeaning?)m.Meaning).FirstOrDefault();
    }

    private static bool IdName(string name) => SnakeCase(name).Split('_').LastOrDefault() is "id" or "no" or "nr" or "number" or "uuid" or "guid";

    // "InvoiceNo" → "invoice_no", "Product Price" → "product_price", "CustomerID" → "customer_id".
    private static string SnakeCase(string name) =>
        CamelBoundary().Replace(name.Trim(), "$1_$2").Replace(' ', '_').Replace('-', '_').ToLowerInvariant();

    private static string Normalise(string label) => new(label.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string Labels(IEnumerable<string> labels) => string.Join("/", labels.Order(StringComparer.Ordinal).Select(l => $"'{l}'"));

    private static string Range(ColumnStatistics s) =>
        s.Numbers == 0 ? "" : $" from {Format(s.Minimum)} to {Format(s.Maximum)}{(s.Empty > 0 ? $", {s.Empty} empty" : "")}";

    private static string Format(double value) => ColumnStatistics.Format(value);

    private static string Quote(string name) => name.Contains(' ') ? $"\"{name}\"" : name;

    [GeneratedRegex(@"^Unnamed: \d+$")]
    private static partial Regex IndexHeader();

    [GeneratedRegex(@"([a-z0-9])([A-Z])")]
    private static partial Regex CamelBoundary();
}
