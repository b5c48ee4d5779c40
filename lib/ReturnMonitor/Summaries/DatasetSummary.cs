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
    public DatasetSummary(
        string source,
        long rows,
        IReadOnlyDictionary<string, EmpiricalDistribution> numeric,
        IReadOnlyDictionary<string, CategoryCounts> categorical,
        long? returned,
        IReadOnlyDictionary<string, long>? missing = null)
    {
        foreach (var feature in OrderSchema.Features)
        {
            var present = feature.Kind == FeatureKind.Numeric ? numeric.ContainsKey(feature.Name) : categorical.ContainsKey(feature.Name);
            if (!present)
            {
                throw new ArgumentException($"summary has no '{feature.Name}' feature");
            }
        }

        var missingCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var feature in OrderSchema.Features)
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
        var missing = OrderSchema.Features.ToDictionary(f => f.Name, f => (long)table.MissingCount(f.Name));
        var numeric = OrderSchema.NumericFeatures.ToDictionary(f => f.Name, f => Present(table.Numeric(f.Name), missing[f.Name]));
        var categorical = OrderSchema.CategoricalFeatures.ToDictionary(
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

        return new DatasetSummary(table.Source, table.Count, numeric, categorical, returned, missing);
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
        a.Missing.ToDictionary(p => p.Key, p => p.Value + b.Missing[p.Key]));

    /// <inheritdoc cref="Combine"/>
    public static DatasetSummary operator +(DatasetSummary a, DatasetSummary b) => Combine(a, b);

    /// <summary>The same summary under another source name.</summary>
    public DatasetSummary WithSource(string source) => new(source, Rows, Numeric, Categorical, Returned, Missing);
}
