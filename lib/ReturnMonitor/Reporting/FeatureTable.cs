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

    private static FeatureTableRow Row(FeatureDrift f) => f.NotComputable is { } why
        ? new FeatureTableRow(f.Name, f.Kind == FeatureKind.Numeric ? "numeric" : "categorical", DriftJson.Name(f.Severity), double.NaN, "–", "–", "–", "not computable: " + why)
        : f.Kind == FeatureKind.Numeric
        ? new FeatureTableRow(
            f.Name, "numeric", DriftJson.Name(f.Severity), Math.Round(f.Psi, 3),
            $"KS D={NumberText.Fixed(f.KsStatistic, 3)}{Sketch(f)}", PValue(f.AdjustedPValue),
            $"W₁={NumberText.Fixed(f.Wasserstein, 2)} ({NumberText.Fixed(f.WassersteinNormed, 2)}σ)",
            $"{NumberText.Fixed(f.ReferenceMean, 2)} → {NumberText.Fixed(f.CurrentMean, 2)} ({Shift(f.MeanShiftPercent)})")
        : new FeatureTableRow(
            f.Name, "categorical", DriftJson.Name(f.Severity), Math.Round(f.Psi, 3),
            $"χ²={NumberText.Fixed(f.ChiSquare, 1)} (df {f.DegreesOfFreedom})", PValue(f.AdjustedPValue),
            $"JS={NumberText.Fixed(f.JensenShannon, 3)}",
            f.NewCategories.Count == 0 ? "" : "unseen in training: " + string.Join(", ", f.NewCategories));

    /// <summary>A p-value with three significant digits ("3.21e-05", "0.412"); one that underflowed to 0 reads "&lt; 1e-307".</summary>
    public static string PValue(double p) =>
        p == 0 ? "< 1e-307" : p < 1e-3 ? p.ToString("0.00e+00", CultureInfo.InvariantCulture) : p.ToString("0.000", CultureInfo.InvariantCulture);

    // A sketched feature shows its KS error bound, and says when the bound straddles the decision's threshold.
    private static string Sketch(FeatureDrift f) => f.Exact
        ? ""
        : $" ±{f.KsErrorBound.ToString("0.0e+0", CultureInfo.InvariantCulture)} (sketch){(f.Inconclusive ? ", inconclusive within sketch error" : "")}";

    private static string Shift(double? percent) =>
        percent is { } p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "from 0";
}
