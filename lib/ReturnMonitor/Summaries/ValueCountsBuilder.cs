using System.Globalization;
using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Builds the exact <see cref="DatasetSummary"/> from value counts — records <c>(feature, value, count)</c> as produced by
/// the SQL of <c>value_counts.sql</c> in any engine, or read from count files by <see cref="ValueCountsFile"/>.
/// Records may come in any order and in any split: counts of the same feature and value are added up, so the outputs of
/// many partitions or workers can simply be concatenated. The summary equals the one our own reader builds from the rows:
/// numeric values are parsed and validated exactly as <c>OrderCsv</c> parses a cell, categories are trimmed.
/// </summary>
/// <remarks>
/// The format (see <see cref="ValueCountsFile"/>): every feature of the order schema, <c>returned</c> (optional: absent
/// means unlabelled data), and the row count as the pseudo-feature <see cref="RowsFeature"/> with value
/// <see cref="RowsValue"/>. The row count is what makes a missing feature detectable: the counts of every feature must add
/// up to it, so a feature absent from the input (or from one partition's output) is an error, not a smaller sample.
/// </remarks>
public sealed class ValueCountsBuilder
{
    /// <summary>The pseudo-feature carrying the number of orders (the SQL's empty grouping set <c>()</c>).</summary>
    public const string RowsFeature = "rows";

    /// <summary>The only value of <see cref="RowsFeature"/>.</summary>
    public const string RowsValue = "all";

    private readonly FeatureDefinition[] features;
    private readonly FeatureDefinition[] numericFeatures;
    private readonly FeatureDefinition[] categoricalFeatures;
    private readonly string target;
    private readonly Dictionary<double, long>[] numeric;
    private readonly Dictionary<string, long>[] categorical;
    private readonly Dictionary<double, long> labels = new();
    private readonly bool[] seen;
    private readonly long[] missing;
    private long rows;
    private bool rowsSeen;
    private bool labelled;

    /// <summary>Starts with no counts, for the demo's features and target.</summary>
    public ValueCountsBuilder()
        : this(OrderSchema.Features, OrderSchema.Target)
    {
    }

    /// <summary>Starts with no counts for <paramref name="features"/> and the target column <paramref name="target"/> (its counts keyed 0/1).</summary>
    public ValueCountsBuilder(IReadOnlyList<FeatureDefinition> features, string target)
    {
        ArgumentNullException.ThrowIfNull(features);
        this.features = features.ToArray();
        this.target = target;
        numericFeatures = this.features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();
        categoricalFeatures = this.features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();
        numeric = numericFeatures.Select(_ => new Dictionary<double, long>()).ToArray();
        categorical = categoricalFeatures.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        seen = new bool[this.features.Length];
        missing = new long[this.features.Length];
    }

    /// <summary>
    /// Whether a feature record without a value (empty or SQL NULL) is an error (<see cref="MissingCells.Reject"/>, the
    /// default: references and count files) or the count of that feature's missing values in a batch
    /// (<see cref="MissingCells.Allow"/>, as our reader counts gaps). An empty label is an error either way.
    /// </summary>
    public MissingCells MissingCells { get; init; } = MissingCells.Reject;

    /// <summary>Adds one record whose count is still text (from a file): it must be a non-negative integer.</summary>
    /// <param name="file">File named in errors.</param>
    /// <param name="line">Line (or row) named in errors; null when the records have no position (an engine's result).</param>
    /// <exception cref="DataFormatException">Unknown feature, unparsable or out-of-range value, or a bad count.</exception>
    public void Add(string feature, string? value, string count, string file, long? line)
    {
        var trimmed = count.Trim();
        if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            throw new DataFormatException(file, line, "count", $"'{OrderCellParser.Show(trimmed)}' is not a non-negative integer (feature '{OrderCellParser.Show(feature)}')");
        }

        Add(feature, value, parsed, file, line);
    }

    /// <summary>Adds <paramref name="count"/> orders having <paramref name="value"/> in <paramref name="feature"/>.</summary>
    /// <param name="value">The value as text in invariant culture; null (SQL NULL) is an error: every order needs a value.</param>
    /// <param name="file">File (or data set) named in errors.</param>
    /// <param name="line">Line (or row) named in errors; null when the records have no position.</param>
    /// <exception cref="DataFormatException">Unknown feature, missing or unparsable or out-of-range value, or a negative count.</exception>
    public void Add(string feature, string? value, long count, string file, long? line)
    {
        if (count < 0)
        {
            throw new DataFormatException(file, line, "count", $"{count} is negative (feature '{OrderCellParser.Show(feature)}')");
        }

        var text = (value ?? "").Trim();
        if (feature == RowsFeature)
        {
            if (text != RowsValue)
            {
                throw new DataFormatException(file, line, "value", $"the '{RowsFeature}' record must have the value '{RowsValue}', found '{OrderCellParser.Show(text)}'");
            }

            rowsSeen = true;
            rows = Sum(rows, count, file, line);
            return;
        }

        int? index = feature == target ? null : IndexOf(feature) ?? throw new DataFormatException(file, line, "feature",
            $"'{OrderCellParser.Show(feature)}' is not a feature of the order schema (expected one of {string.Join(", ", features.Select(f => f.Name))}, {target} or {RowsFeature})");
        if (text.Length == 0 && index is { } gap && MissingCells == MissingCells.Allow)
        {
            seen[gap] = true;
            missing[gap] = Sum(missing[gap], count, file, line);
            return;
        }

        if (text.Length == 0)
        {
            throw ValueError(file, line, feature, $"{count} {(count == 1 ? "order has" : "orders have")} no value (empty or NULL); every order needs one" +
                (feature == OrderSchema.SizeOrdered ? " (use NA for \"no size\")" : ""));
        }

        if (index is null)
        {
            var label = ParseLabel(text, file, line);
            labelled = true;
            labels[label] = Sum(labels.GetValueOrDefault(label), count, file, line);
            return;
        }

        var definition = features[index.Value];
        seen[index.Value] = true;
        if (definition.Kind == FeatureKind.Categorical)
        {
            var counts = categorical[CategoricalIndex(definition)];
            counts[text] = Sum(counts.GetValueOrDefault(text), count, file, line);
            return;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw ValueError(file, line, feature, $"'{OrderCellParser.Show(text)}' is not a number");
        }

        if (definition.Validate(number) is { } problem)
        {
            throw ValueError(file, line, feature, $"'{OrderCellParser.Show(text)}' {problem}");
        }

        // -0 and 0 are one value, as in EmpiricalDistribution.
        var key = number == 0 ? 0.0 : number;
        var values = numeric[NumericIndex(definition)];
        values[key] = Sum(values.GetValueOrDefault(key), count, file, line);
    }

    /// <summary>
    /// The exact summary of all counts added. Checks that the row count was given and that every feature's counts (and
    /// <c>returned</c>'s, when present) add up to it.
    /// </summary>
    /// <param name="source">Source name of the summary.</param>
    /// <param name="inputName">What the counts came from (files), named in errors.</param>
    /// <exception cref="DataFormatException">No row count, or a feature missing or incomplete.</exception>
    public DatasetSummary Build(string source, string inputName)
    {
        if (!rowsSeen)
        {
            throw new DataFormatException(inputName, null, null,
                $"no '{RowsFeature}' record: the number of orders is required (feature '{RowsFeature}', value '{RowsValue}'; the SQL's empty grouping set)");
        }

        var numericSummaries = new Dictionary<string, EmpiricalDistribution>(StringComparer.Ordinal);
        var categoricalSummaries = new Dictionary<string, CategoryCounts>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            long total;
            if (feature.Kind == FeatureKind.Numeric)
            {
                var distribution = EmpiricalDistribution.FromCounts(numeric[NumericIndex(feature)]);
                numericSummaries[feature.Name] = distribution;
                total = distribution.Count;
            }
            else
            {
                var counts = CategoryCounts.FromCounts(categorical[CategoricalIndex(feature)]);
                categoricalSummaries[feature.Name] = counts;
                total = counts.Total;
            }

            CheckTotal(feature.Name, total + missing[IndexOf(feature.Name)!.Value], inputName);
        }

        long? returned = null;
        if (labelled)
        {
            CheckTotal(target, labels.Values.Sum(), inputName);
            returned = labels.GetValueOrDefault(1.0);
        }

        var missingCounts = features.Select((f, i) => KeyValuePair.Create(f.Name, missing[i])).ToDictionary(StringComparer.Ordinal);
        return new DatasetSummary(source, rows, numericSummaries, categoricalSummaries, returned, missingCounts, features);
    }

    private void CheckTotal(string feature, long total, string inputName)
    {
        if (total == rows)
        {
            return;
        }

        var index = IndexOf(feature);
        var problem = index is { } i && !seen[i]
            ? $"feature '{feature}' has no counts, but '{RowsFeature}' says {rows} orders: every feature must be counted"
            : $"the counts of feature '{feature}' add up to {total} orders, but '{RowsFeature}' says {rows}: a part of the counts is missing or counted twice";
        throw new DataFormatException(inputName, null, null, problem);
    }

    private double ParseLabel(string text, string file, long? line)
    {
        // Engines write a boolean label as true/false; CSV data as 0/1 (our reader accepts any number equal to 0 or 1).
        if (bool.TryParse(text, out var flag))
        {
            return flag ? 1.0 : 0.0;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) && (label == 0 || label == 1))
        {
            return label == 0 ? 0.0 : 1.0;
        }

        throw ValueError(file, line, target, $"'{OrderCellParser.Show(text)}' is not 0 or 1");
    }

    // In a count file the place is the line and its 'value' field; in an engine's result (no line) it is the data column.
    private static DataFormatException ValueError(string file, long? line, string feature, string problem) => line is null
        ? new DataFormatException(file, null, OrderCellParser.Show(feature), problem)
        : new DataFormatException(file, line, "value", $"{problem} (feature '{OrderCellParser.Show(feature)}')");

    private static long Sum(long a, long b, string file, long? line)
    {
        try
        {
            return checked(a + b);
        }
        catch (OverflowException)
        {
            throw new DataFormatException(file, line, "count", "the counts add up to more than 2^63 − 1");
        }
    }

    private int? IndexOf(string feature)
    {
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i].Name == feature)
            {
                return i;
            }
        }

        return null;
    }

    private int NumericIndex(FeatureDefinition feature) => IndexIn(numericFeatures, feature);

    private int CategoricalIndex(FeatureDefinition feature) => IndexIn(categoricalFeatures, feature);

    private static int IndexIn(IReadOnlyList<FeatureDefinition> features, FeatureDefinition feature)
    {
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Name == feature.Name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{feature.Name}' is not in the list", nameof(feature));
    }
}
