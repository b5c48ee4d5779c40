using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Exact, mergeable summary of an order table: per numeric feature its <see cref="EmpiricalDistribution"/>, per
/// categorical feature its <see cref="CategoryCounts"/>, and the number of returns. All drift statistics are computed
/// from two summaries, so a file can be summarised in chunks (or partitions) and the parts added with <see cref="Combine"/>.
/// A missing value (a gap in a batch read with <see cref="MissingCells.Allow"/>) is counted in <see cref="Missing"/> and is
/// not part of the feature's distribution or category counts: each feature's statistics describe its present values, and
/// <c>Rows − Missing[f]</c> of them.
/// </summary>
public sealed class DatasetSummary
{
    /// <summary>Builds a summary.</summary>
    /// <param name="source">Where the data came from.</param>
    /// <param name="rows">Number of orders.</param>
    /// <param name="numeric">Distribution of each numeric feature.</param>
    /// <param name="categorical">Category counts of each categorical feature.</param>
    /// <param name="returned">Returned orders; null when unlabelled.</param>
    /// <param name="missing">Missing values per feature; absent means 0.</param>
    /// <param name="features">
    /// The table's features in order; null: the demo's nine when the dictionaries hold exactly them, otherwise the numeric
    /// keys then the categorical keys, in the dictionaries' order.
    /// </param>
    /// <exception cref="ArgumentException">A feature has no summary, or a missing count is outside 0 to <paramref name="rows"/>.</exception>
    public DatasetSummary(
        string source,
        long rows,
        IReadOnlyDictionary<string, EmpiricalDistribution> numeric,
        IReadOnlyDictionary<string, CategoryCounts> categorical,
        long? returned,
        IReadOnlyDictionary<string, long>? missing = null,
        IReadOnlyList<FeatureDefinition>? features = null)
    {
        Features = features?.ToArray() ?? FeaturesOf(numeric, categorical);
        foreach (var feature in Features)
        {
            var present = feature.Kind == FeatureKind.Numeric ? numeric.ContainsKey(feature.Name) : categorical.ContainsKey(feature.Name);
            if (!present)
            {
                throw new ArgumentException($"summary has no '{feature.Name}' feature");
            }
        }

        var missingCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var feature in Features)
        {
            var count = missing?.GetValueOrDefault(feature.Name) ?? 0;
            if (count < 0 || count > rows)
            {
                throw new ArgumentException($"'{feature.Name}' has {count} missing values, outside 0 to {rows} rows");
            }

            missingCounts[feature.Name] = count;
        }

        Source = source;
        Rows = rows;
        Missing = missingCounts;
        Numeric = numeric;
        Categorical = categorical;
        Returned = returned;
    }

    /// <summary>Where the data came from.</summary>
    public string Source { get; }

    /// <summary>The summarised features, in table order (the demo's nine for the demo's files).</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>The numeric features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> NumericFeatures => Features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();

    /// <summary>The categorical features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> CategoricalFeatures => Features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();

    /// <summary>Number of orders.</summary>
    public long Rows { get; }

    /// <summary>Distribution of each numeric feature.</summary>
    public IReadOnlyDictionary<string, EmpiricalDistribution> Numeric { get; }

    /// <summary>Category counts of each categorical feature.</summary>
    public IReadOnlyDictionary<string, CategoryCounts> Categorical { get; }

    /// <summary>Number of orders whose value is missing, for every feature of the schema (0 for a file without gaps).</summary>
    public IReadOnlyDictionary<string, long> Missing { get; }

    /// <summary>Number of returned orders; null when the data has no <c>returned</c> column.</summary>
    public long? Returned { get; }

    /// <summary>Share of returned orders; null when unlabelled or empty.</summary>
    public double? ReturnRate => Returned is { } r && Rows > 0 ? (double)r / Rows : null;

    /// <summary>Summarises a table.</summary>
    public static DatasetSummary Of(OrderTable table)
    {
        var missing = table.Features.ToDictionary(f => f.Name, f => (long)table.MissingCount(f.Name));
        var numeric = table.NumericFeatures.ToDictionary(f => f.Name, f => Present(table.Numeric(f.Name), missing[f.Name]));
        var categorical = table.CategoricalFeatures.ToDictionary(
            f => f.Name,
            f => CategoryCounts.FromValues(missing[f.Name] == 0 ? table.Categorical(f.Name) : table.Categorical(f.Name).Where(c => c.Length > 0)));
        long? returned = null;
        if (table.HasTarget)
        {
            long count = 0;
            foreach (var r in table.Returned)
            {
                count += r ? 1 : 0;
            }

            returned = count;
        }

        return new DatasetSummary(table.Source, table.Count, numeric, categorical, returned, missing, table.Features);
    }

    // The demo's nine when the dictionaries hold exactly them (summaries built before features were carried), else the keys.
    private static FeatureDefinition[] FeaturesOf(IReadOnlyDictionary<string, EmpiricalDistribution> numeric, IReadOnlyDictionary<string, CategoryCounts> categorical)
    {
        var demo = OrderSchema.NumericFeatures.Count == numeric.Count && OrderSchema.CategoricalFeatures.Count == categorical.Count
            && OrderSchema.NumericFeatures.All(f => numeric.ContainsKey(f.Name)) && OrderSchema.CategoricalFeatures.All(f => categorical.ContainsKey(f.Name));
        return demo
            ? [.. OrderSchema.Features]
            : [.. numeric.Keys.Select(n => new FeatureDefinition(n, FeatureKind.Numeric, "")), .. categorical.Keys.Select(n => new FeatureDefinition(n, FeatureKind.Categorical, ""))];
    }

    // The distribution of the values that are not NaN (missing).
    private static EmpiricalDistribution Present(ReadOnlySpan<double> values, long missing)
    {
        if (missing == 0)
        {
            return EmpiricalDistribution.FromSample(values);
        }

        var present = new List<double>(values.Length);
        foreach (var value in values)
        {
            if (!double.IsNaN(value))
            {
                present.Add(value);
            }
        }

        return EmpiricalDistribution.FromSample(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(present));
    }

    /// <summary>The summary of both tables' rows together; labelled only if both are.</summary>
    public static DatasetSummary Combine(DatasetSummary a, DatasetSummary b) => new(
        a.Source,
        a.Rows + b.Rows,
        a.Numeric.ToDictionary(p => p.Key, p => p.Value + b.Numeric[p.Key]),
        a.Categorical.ToDictionary(p => p.Key, p => p.Value + b.Categorical[p.Key]),
        a.Returned is { } ra && b.Returned is { } rb ? ra + rb : null,
        a.Missing.ToDictionary(p => p.Key, p => p.Value + b.Missing[p.Key]),
        a.Features);

    /// <inheritdoc cref="Combine"/>
    public static DatasetSummary operator +(DatasetSummary a, DatasetSummary b) => Combine(a, b);

    /// <summary>The same summary under another source name.</summary>
    public DatasetSummary WithSource(string source) => new(source, Rows, Numeric, Categorical, Returned, Missing, Features);
}
