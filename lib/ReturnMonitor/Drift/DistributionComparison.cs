using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Reference and current shares over common bins, for charts: one bin per distinct value when a numeric feature has
/// at most <see cref="MaxDistinctBins"/> distinct values (counts, days, whole prices of few levels), otherwise equal-width
/// bins over the combined range; one bin per category for categoricals. Shares sum to 1 per side.
/// </summary>
/// <param name="Labels">Bin labels: the value, the interval "[a, b)", or the category.</param>
/// <param name="Reference">Share of reference orders per bin.</param>
/// <param name="Current">Share of current orders per bin.</param>
public sealed record DistributionComparison(IReadOnlyList<string> Labels, IReadOnlyList<double> Reference, IReadOnlyList<double> Current)
{
    /// <summary>Largest number of distinct values shown one bar each.</summary>
    public const int MaxDistinctBins = 31;

    /// <summary>Number of equal-width bins used otherwise.</summary>
    public const int EqualWidthBins = 24;

    /// <summary>Bins for a numeric feature.</summary>
    public static DistributionComparison Numeric(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        // The union's distinct values only matter when few: count them without building the union (which for continuous
        // columns would be as large as both sides).
        if (reference.Values.Length <= MaxDistinctBins && current.Values.Length <= MaxDistinctBins
            && reference.Values.ToArray().Union(current.Values.ToArray()).Order().ToArray() is { Length: <= MaxDistinctBins } values)
        {
            return new DistributionComparison(
                values.Select(v => OrderCsv.FormatNumber(v)).ToArray(),
                values.Select(v => Share(reference, v, v, inclusiveUpper: true)).ToArray(),
                values.Select(v => Share(current, v, v, inclusiveUpper: true)).ToArray());
        }

        // An empty side (every value missing) has NaN extremes and does not count.
        var low = current.Count == 0 ? reference.Minimum : reference.Count == 0 ? current.Minimum : Math.Min(reference.Minimum, current.Minimum);
        var high = current.Count == 0 ? reference.Maximum : reference.Count == 0 ? current.Maximum : Math.Max(reference.Maximum, current.Maximum);
        var width = (high - low) / EqualWidthBins;
        var labels = new string[EqualWidthBins];
        var refShares = new double[EqualWidthBins];
        var curShares = new double[EqualWidthBins];
        for (var i = 0; i < EqualWidthBins; i++)
        {
            var a = low + i * width;
            var b = i == EqualWidthBins - 1 ? high : low + (i + 1) * width;
            var last = i == EqualWidthBins - 1;
            labels[i] = $"[{Round(a)}, {Round(b)}{(last ? "]" : ")")}";
            refShares[i] = Share(reference, a, b, last);
            curShares[i] = Share(current, a, b, last);
        }

        return new DistributionComparison(labels, refShares, curShares);
    }

    /// <summary>Bars for a categorical feature over the union of categories.</summary>
    public static DistributionComparison Categorical(CategoryCounts reference, CategoryCounts current)
    {
        var (categories, refCounts, curCounts) = CategoryCounts.Align(reference, current);
        return new DistributionComparison(
            categories,
            refCounts.Select(c => reference.Total == 0 ? 0 : (double)c / reference.Total).ToArray(),
            curCounts.Select(c => current.Total == 0 ? 0 : (double)c / current.Total).ToArray());
    }

    private static double Share(EmpiricalDistribution d, double from, double to, bool inclusiveUpper)
    {
        if (d.Count == 0)
        {
            return 0;
        }

        var upper = inclusiveUpper ? d.CountAtMost(to) : d.CountBelow(to);
        return (double)(upper - d.CountBelow(from)) / d.Count;
    }

    private static string Round(double value) => Math.Round(value, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
