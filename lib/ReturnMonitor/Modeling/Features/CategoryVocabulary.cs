using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The categories a model one-hot encodes for one categorical feature, and how any other value is mapped before the
/// encoding. Fitted on the training orders: a category with fewer than <see cref="MinimumOrders"/> orders, and every
/// category beyond the <see cref="MaximumCategories"/> most frequent, becomes <see cref="DatasetSchema.OtherCategory"/>
/// (top-K rather than hashing: the kept names stay readable in importances and one-hot slots, and no two frequent
/// categories share a slot). When that bucket exists, a value never seen in training is scored as it; when it does not
/// (every training category was frequent, as in the demo), an unseen value encodes as all zeros, as ML.NET's one-hot
/// encoding does. A missing value (the empty string) always encodes as all zeros.
/// </summary>
internal sealed class CategoryVocabulary
{
    /// <summary>Fewest training orders a category needs to get its own one-hot slot.</summary>
    public const int MinimumOrders = 10;

    /// <summary>Most categories of one feature that get their own slot.</summary>
    public const int MaximumCategories = 100;

    private readonly HashSet<string> kept;
    private readonly bool hasOther;

    /// <summary>A vocabulary of the categories that get a slot; <paramref name="values"/> may include the bucket.</summary>
    public CategoryVocabulary(IEnumerable<string> values)
    {
        kept = new HashSet<string>(values, StringComparer.Ordinal);
        hasOther = kept.Contains(DatasetSchema.OtherCategory);
    }

    /// <summary>Whether the vocabulary has the <see cref="DatasetSchema.OtherCategory"/> bucket.</summary>
    public bool HasOther => hasOther;

    /// <summary>Number of categories with a slot, the bucket included.</summary>
    public int Count => kept.Count;

    /// <summary>Fits the vocabulary of <paramref name="values"/> (the training orders' categories; empty = missing).</summary>
    public static CategoryVocabulary Fit(IReadOnlyList<string> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (value.Length > 0)
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        var frequent = counts.Where(p => p.Value >= MinimumOrders && p.Key != DatasetSchema.OtherCategory)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(MaximumCategories).Select(p => p.Key).ToList();
        if (frequent.Count < counts.Count)
        {
            frequent.Add(DatasetSchema.OtherCategory);
        }

        return new CategoryVocabulary(frequent);
    }

    /// <summary>The value the one-hot encoding sees for <paramref name="value"/>.</summary>
    public string Map(string value) =>
        value.Length == 0 || !hasOther || kept.Contains(value) ? value : DatasetSchema.OtherCategory;
}
