using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Text;

namespace ReturnMonitor.Reporting;

/// <summary>The per-feature drift table as rows for notebooks and reports (formatting only; nothing is recomputed).</summary>
public static class FeatureTable
{
    /// <summary>One row per feature, in schema order.</summary>
    public static IReadOnlyList<FeatureTableRow> Of(DriftReport report) => report.Features.Select(Row).ToArray();

    // Generic over the registered statistics: each one's text goes to the column it names (StatisticDisplay), pieces of
    // one column joined by "; ", so a new statistic reaches the terminal and the dashboard by its registration alone.
    private static FeatureTableRow Row(FeatureDrift f)
    {
        var kind = f.Kind == FeatureKind.Numeric ? "numeric" : "categorical";
        if (f.NotComputable is { } why)
        {
            return new FeatureTableRow(f.Name, kind, DriftJson.Name(f.Severity), double.NaN, "–", "–", "–", "not computable: " + why);
        }

        var change = Cells(f, StatisticColumn.Change);
        if (f.NewCategories.Count > 0)
        {
            change.Add("unseen in training: " + string.Join(", ", f.NewCategories));
        }

        return new FeatureTableRow(
            f.Name, kind, DriftJson.Name(f.Severity), Math.Round(f.Psi, 3),
            string.Join("; ", Cells(f, StatisticColumn.Test)), PValue(f.AdjustedPValue),
            string.Join("; ", Cells(f, StatisticColumn.Distance)), string.Join("; ", change));
    }

    // The decision's test carries the sketch's error bound when the feature was sketched.
    private static List<string> Cells(FeatureDrift f, StatisticColumn column) => f.Statistics
        .Select(s => (s.Key, Shown: s.Shown))
        .Where(s => s.Shown.Column == column)
        .Select(s => s.Shown.Text + (column == StatisticColumn.Test && s.Key == f.Test ? Sketch(f) : ""))
        .ToList();

    /// <summary>A p-value with three significant digits ("3.21e-05", "0.412"); one that underflowed to 0 reads "&lt; 1e-307".</summary>
    public static string PValue(double p) =>
        p == 0 ? "< 1e-307" : p < 1e-3 ? p.ToString("0.00e+00", CultureInfo.InvariantCulture) : p.ToString("0.000", CultureInfo.InvariantCulture);

    // A sketched feature shows its KS error bound, and says when the bound straddles the decision's threshold.
    private static string Sketch(FeatureDrift f) => f.Exact
        ? ""
        : $" ±{f.KsErrorBound.ToString("0.0e+0", CultureInfo.InvariantCulture)} (sketch){(f.Inconclusive ? ", inconclusive within sketch error" : "")}";
}
