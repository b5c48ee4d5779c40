using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Exact, mergeable summary of an order table: per numeric feature its <see cref="EmpiricalDistribution"/>, per
/// categorical feature its <see cref="CategoryCounts"/>, and the number of returns. All drift statistics are computed
/// from two summaries, so a file can be summarised in chunks (or partitions) and the parts added with <see cref="Combine"/>.
/// </summary>
public sealed class DatasetSummary
{
    public DatasetSummary(
        string source,
        long rows,
        IReadOnlyDictionary<string, EmpiricalDistribution> numeric,
        IReadOnlyDictionary<string, CategoryCounts> categorical,
        long? returned)
    {
        foreach (var feature in OrderSchema.Features)
        {
            var present = feature.Kind == FeatureKind.Numeric ? numeric.ContainsKey(feature.Name) : categorical.ContainsKey(feature.Name);
            if (!present)
            {
                throw new ArgumentException($"summary has no '{feature.Name}' feature");
            }
        }

        Source = source;
        Rows = rows;
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

    /// <summary>Number of returned orders; null when the data has no <c>returned</c> column.</summary>
    public long? Returned { get; }

    /// <summary>Share of returned orders; null when unlabelled or empty.</summary>
    public double? ReturnRate => Returned is { } r && Rows > 0 ? (double)r / Rows : null;

    /// <summary>Summarises a table.</summary>
    public static DatasetSummary Of(OrderTable table)
    {
        var numeric = OrderSchema.NumericFeatures.ToDictionary(f => f.Name, f => EmpiricalDistribution.FromSample(table.Numeric(f.Name)));
        var categorical = OrderSchema.CategoricalFeatures.ToDictionary(f => f.Name, f => CategoryCounts.FromValues(table.Categorical(f.Name)));
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

        return new DatasetSummary(table.Source, table.Count, numeric, categorical, returned);
    }

    /// <summary>The summary of both tables' rows together; labelled only if both are.</summary>
    public static DatasetSummary Combine(DatasetSummary a, DatasetSummary b) => new(
        a.Source,
        a.Rows + b.Rows,
        a.Numeric.ToDictionary(p => p.Key, p => p.Value + b.Numeric[p.Key]),
        a.Categorical.ToDictionary(p => p.Key, p => p.Value + b.Categorical[p.Key]),
        a.Returned is { } ra && b.Returned is { } rb ? ra + rb : null);

    /// <inheritdoc cref="Combine"/>
    public static DatasetSummary operator +(DatasetSummary a, DatasetSummary b) => Combine(a, b);

    /// <summary>The same summary under another source name.</summary>
    public DatasetSummary WithSource(string source) => new(source, Rows, Numeric, Categorical, Returned);
}
