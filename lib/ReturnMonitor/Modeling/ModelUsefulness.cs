namespace ReturnMonitor.Modeling;

/// <summary>
/// Whether a trained model is any use, from its held-out metrics: a model whose ROC-AUC's 95% interval includes 0.5
/// (no better than chance) or that never predicts a return at its threshold must be said so plainly, and no threshold
/// advice be given on it. The interval is Hanley and McNeil's (Radiology 143:29–36, 1982):
/// SE = √((A(1−A) + (n₁−1)(Q₁−A²) + (n₂−1)(Q₂−A²)) / (n₁n₂)), Q₁ = A/(2−A), Q₂ = 2A²/(1+A), n₁ returned and n₂ kept
/// orders; A ± 1.96·SE. It is approximate (it assumes exponential score distributions) but needs only the counts.
/// </summary>
public static class ModelUsefulness
{
    /// <summary>Two-sided 95% normal quantile.</summary>
    private const double Z95 = 1.959963984540054;

    /// <summary>The Hanley–McNeil 95% interval of ROC-AUC <paramref name="auc"/>; NaNs when either class is absent.</summary>
    public static (double Lower, double Upper) RocAucInterval(double auc, long positives, long negatives)
    {
        if (positives < 1 || negatives < 1 || !double.IsFinite(auc))
        {
            return (double.NaN, double.NaN);
        }

        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = ((auc * (1 - auc)) + ((positives - 1) * (q1 - (auc * auc))) + ((negatives - 1) * (q2 - (auc * auc)))) / ((double)positives * negatives);
        var se = Math.Sqrt(Math.Max(variance, 0));
        return (Math.Max(0, auc - (Z95 * se)), Math.Min(1, auc + (Z95 * se)));
    }

    /// <summary>Plain sentences on why the model is no use; empty when it is (the demo's model gets none).</summary>
    /// <param name="heldOut">Metrics on the held-out orders at the model's threshold.</param>
    /// <param name="threshold">That threshold, for the sentence.</param>
    public static IReadOnlyList<string> Warnings(ClassificationMetrics heldOut, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        var c = heldOut.Confusion;
        var positives = c.TruePositives + c.FalseNegatives;
        var negatives = c.TrueNegatives + c.FalsePositives;
        var warnings = new List<string>();
        var (lower, upper) = RocAucInterval(heldOut.RocAuc, positives, negatives);
        if (!double.IsFinite(heldOut.RocAuc) || !(lower > 0.5))
        {
            var interval = double.IsFinite(lower) ? $" (95% interval {lower:0.000}–{upper:0.000})" : "";
            warnings.Add($"The model is no better than chance: held-out ROC-AUC {heldOut.RocAuc:0.000}{interval} includes 0.5 — its predictions, estimates and money are not worth acting on; no threshold advice is given.");
        }

        if (c.TruePositives + c.FalsePositives == 0)
        {
            warnings.Add($"The model never predicts a return at threshold {threshold:0.##} on the {c.Total} held-out orders ({positives} of them returned): it flags nothing, so it cannot prevent a return.");
        }

        return warnings;
    }
}
