using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Builds a <see cref="DatasetSummary"/> incrementally: add tables (chunks of a file, partitions, batches) one after the
/// other, or build parts in parallel and <see cref="Merge"/> them; memory grows with the number of distinct values up to
/// the exact limit per numeric feature (past it the feature is sketched, see <see cref="EmpiricalDistribution.IsExact"/>), never
/// with the number of rows. The result is exactly the summary of all rows taken together, whatever the split and order:
/// <c>DatasetSummary.Of(whole)</c> and the builder give the same distributions, counts and therefore the same drift report.
/// A missing value (NaN, <see cref="OrderTable.MissingCategory"/>) is counted per feature and kept out of the distributions.
/// Not thread-safe: use one builder per thread and merge.
/// </summary>
public sealed class DatasetSummaryBuilder
{
    private readonly FeatureDefinition[] features;
    private readonly FeatureDefinition[] numericFeatures;
    private readonly FeatureDefinition[] categoricalFeatures;
    private readonly ValueCounter[] numeric;
    private readonly CategoryCounter[] categorical;
    private readonly long[] numericMissing;
    private readonly long[] categoricalMissing;

    /// <summary>Starts an empty summary.</summary>
    /// <param name="source">Source name of the summary (a file name).</param>
    /// <param name="labelled">Whether the data has the <c>returned</c> column; a part without it makes the whole unlabelled.</param>
    public DatasetSummaryBuilder(string source, bool labelled = true)
        : this(source, labelled, EmpiricalDistribution.DefaultExactLimit)
    {
    }

    /// <summary>Starts an empty summary whose numeric features stay exact up to <paramref name="exactLimit"/> distinct values each.</summary>
    /// <param name="source">Source name of the summary (a file name).</param>
    /// <param name="labelled">Whether the data has the <c>returned</c> column; a part without it makes the whole unlabelled.</param>
    /// <param name="exactLimit">Distinct values per numeric feature kept exactly (at least 4); past it the feature is sketched.</param>
    public DatasetSummaryBuilder(string source, bool labelled, int exactLimit)
        : this(source, OrderSchema.Features, labelled, exactLimit)
    {
    }

    /// <summary>Starts an empty summary of <paramref name="features"/>, numeric features exact up to <paramref name="exactLimit"/> distinct values each.</summary>
    /// <param name="source">Source name of the summary (a file name).</param>
    /// <param name="features">The features to count, in table order.</param>
    /// <param name="labelled">Whether the data has the target column; a part without it makes the whole unlabelled.</param>
    /// <param name="exactLimit">Distinct values per numeric feature kept exactly (at least 4); past it the feature is sketched.</param>
    public DatasetSummaryBuilder(string source, IReadOnlyList<FeatureDefinition> features, bool labelled, int exactLimit)
        : this(source, features, labelled, exactLimit, null)
    {
    }

    /// <summary>
    /// Starts an empty summary whose numeric features share the runs <paramref name="shared"/> (from
    /// <see cref="SharedRuns"/>) with other builders of the same file: each value is then counted in exactly one of
    /// the builders sharing them, and merging them gives the summary of all (one run per column in memory, not one per builder).
    /// </summary>
    internal DatasetSummaryBuilder(string source, IReadOnlyList<FeatureDefinition> features, bool labelled, int exactLimit, RunAccumulator[]? shared)
    {
        ArgumentNullException.ThrowIfNull(features);
        Source = source;
        Labelled = labelled;
        ExactLimit = exactLimit;
        this.features = features.ToArray();
        numericFeatures = this.features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();
        categoricalFeatures = this.features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();
        numeric = numericFeatures.Select((_, i) => new ValueCounter(exactLimit, shared?[i])).ToArray();
        categorical = categoricalFeatures.Select(_ => new CategoryCounter()).ToArray();
        numericMissing = new long[numericFeatures.Length];
        categoricalMissing = new long[categoricalFeatures.Length];
    }

    /// <summary>Source name given to the summary.</summary>
    public string Source { get; }

    /// <summary>Distinct values per numeric feature kept exactly (<see cref="EmpiricalDistribution.DefaultExactLimit"/> by default).</summary>
    public int ExactLimit { get; }

    /// <summary>Orders added so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Returned orders added so far.</summary>
    public long Returned { get; private set; }

    /// <summary>Whether every part added had the <c>returned</c> column.</summary>
    public bool Labelled { get; private set; }

    /// <summary>Adds every order of <paramref name="table"/>.</summary>
    public DatasetSummaryBuilder Add(OrderTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        for (var i = 0; i < numeric.Length; i++)
        {
            var counter = numeric[i];
            foreach (var value in table.Numeric(numericFeatures[i].Name))
            {
                if (double.IsNaN(value))
                {
                    numericMissing[i]++;
                    continue;
                }

                counter.Add(value);
            }
        }

        for (var i = 0; i < categorical.Length; i++)
        {
            var counter = categorical[i];
            foreach (var value in table.Categorical(categoricalFeatures[i].Name))
            {
                if (value.Length == 0)
                {
                    categoricalMissing[i]++;
                    continue;
                }

                counter.Add(value);
            }
        }

        if (table.HasTarget)
        {
            long returned = 0;
            foreach (var r in table.Returned)
            {
                returned += r ? 1 : 0;
            }

            Returned += returned;
        }
        else
        {
            Labelled = false;
        }

        Rows += table.Count;
        return this;
    }

    /// <summary>Adds an existing summary (of a partition, or a saved profile): the result is as if its rows had been added.</summary>
    public DatasetSummaryBuilder Add(DatasetSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        for (var i = 0; i < numeric.Length; i++)
        {
            numeric[i].Add(summary.Numeric[numericFeatures[i].Name]);

            numericMissing[i] += summary.Missing[numericFeatures[i].Name];
        }

        for (var i = 0; i < categorical.Length; i++)
        {
            foreach (var (category, count) in summary.Categorical[categoricalFeatures[i].Name].Pairs)
            {
                categorical[i].Add(category, count);
            }

            categoricalMissing[i] += summary.Missing[categoricalFeatures[i].Name];
        }

        Rows += summary.Rows;
        if (summary.Returned is { } returned)
        {
            Returned += returned;
        }
        else
        {
            Labelled = false;
        }

        return this;
    }

    /// <summary>Adds everything <paramref name="other"/> has counted (the parts may have been built on other threads).</summary>
    public DatasetSummaryBuilder Merge(DatasetSummaryBuilder other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < numeric.Length; i++)
        {
            numeric[i].Merge(other.numeric[i]);
            numericMissing[i] += other.numericMissing[i];
        }

        for (var i = 0; i < categorical.Length; i++)
        {
            categorical[i].Merge(other.categorical[i]);
            categoricalMissing[i] += other.categoricalMissing[i];
        }

        Rows += other.Rows;
        Returned += other.Returned;
        Labelled &= other.Labelled;
        return this;
    }

    /// <summary>The exact summary of everything added.</summary>
    public DatasetSummary Build()
    {
        var numericSummaries = new Dictionary<string, EmpiricalDistribution>(StringComparer.Ordinal);
        var missing = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < numeric.Length; i++)
        {
            numericSummaries[numericFeatures[i].Name] = numeric[i].ToDistribution();
            missing[numericFeatures[i].Name] = numericMissing[i];
        }

        var categoricalSummaries = new Dictionary<string, CategoryCounts>(StringComparer.Ordinal);
        for (var i = 0; i < categorical.Length; i++)
        {
            categoricalSummaries[categoricalFeatures[i].Name] = categorical[i].ToCounts();
            missing[categoricalFeatures[i].Name] = categoricalMissing[i];
        }

        return new DatasetSummary(Source, Rows, numericSummaries, categoricalSummaries, Labelled ? Returned : null, missing, features);
    }

    /// <summary>One shared run per numeric feature of <paramref name="features"/>, for builders that share them.</summary>
    internal static RunAccumulator[] SharedRuns(IReadOnlyList<FeatureDefinition> features, int exactLimit) =>
        features.Where(f => f.Kind == FeatureKind.Numeric).Select(_ => new RunAccumulator(exactLimit)).ToArray();

    // Hot-path entry points for the streaming readers (feature index in schema order of numeric/categorical features).
    internal void AddScaled(int numericFeature, long mantissa, int scale, double value) => numeric[numericFeature].AddScaled(mantissa, scale, value);

    internal void AddNumeric(int numericFeature, double value) => numeric[numericFeature].Add(value);

    internal void AddCategoryUtf8(int categoricalFeature, ReadOnlySpan<byte> category) => categorical[categoricalFeature].AddUtf8(category);

    internal void AddMissingNumeric(int numericFeature) => numericMissing[numericFeature]++;

    internal void AddMissingCategory(int categoricalFeature) => categoricalMissing[categoricalFeature]++;

    internal void AddRows(long rows, long returned)
    {
        Rows += rows;
        Returned += returned;
    }

    internal void MarkUnlabelled() => Labelled = false;
}
