namespace ReturnMonitor.Summaries;

/// <summary>
/// How often each category occurs in a sample (ordinal string comparison, categories sorted).
/// Mergeable like <see cref="EmpiricalDistribution"/>: the counts of a concatenation are the sums of the counts.
/// </summary>
public sealed class CategoryCounts
{
    private readonly SortedDictionary<string, long> counts;

    private CategoryCounts(SortedDictionary<string, long> counts)
    {
        this.counts = counts;
        Total = counts.Values.Sum();
    }

    /// <summary>Categories present, in ordinal order.</summary>
    public IReadOnlyCollection<string> Categories => counts.Keys;

    /// <summary>Number of observations.</summary>
    public long Total { get; }

    /// <summary>Occurrences of <paramref name="category"/> (0 when never seen).</summary>
    public long this[string category] => counts.GetValueOrDefault(category);

    /// <summary>Fraction of observations in <paramref name="category"/>; NaN when empty.</summary>
    public double Proportion(string category) => Total == 0 ? double.NaN : (double)this[category] / Total;

    /// <summary>All (category, count) pairs in category order.</summary>
    public IEnumerable<KeyValuePair<string, long>> Pairs => counts;

    /// <summary>Counts the categories of a sample.</summary>
    public static CategoryCounts FromValues(IEnumerable<string> values)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return new CategoryCounts(counts);
    }

    /// <summary>Builds counts from (category, count) pairs; repeated categories are added up, zero counts dropped.</summary>
    public static CategoryCounts FromCounts(IEnumerable<KeyValuePair<string, long>> pairs)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (category, count) in pairs)
        {
            if (count < 0)
            {
                throw new ArgumentException($"negative count {count} for category '{category}'", nameof(pairs));
            }

            if (count > 0)
            {
                counts[category] = counts.GetValueOrDefault(category) + count;
            }
        }

        return new CategoryCounts(counts);
    }

    /// <summary>The counts of the two samples taken together.</summary>
    public static CategoryCounts Combine(CategoryCounts a, CategoryCounts b) => FromCounts(a.Pairs.Concat(b.Pairs));

    /// <inheritdoc cref="Combine"/>
    public static CategoryCounts operator +(CategoryCounts a, CategoryCounts b) => Combine(a, b);

    /// <summary>
    /// The union of both samples' categories (ordinal order) with each sample's counts aligned to it —
    /// the 2×k contingency table of the chi-square test. A category seen only in <paramref name="current"/>
    /// (never in training) gets reference count 0: it is drift, not an error.
    /// </summary>
    public static (string[] Categories, long[] Reference, long[] Current) Align(CategoryCounts reference, CategoryCounts current)
    {
        var categories = reference.counts.Keys.Union(current.counts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return (categories, categories.Select(c => reference[c]).ToArray(), categories.Select(c => current[c]).ToArray());
    }
}
