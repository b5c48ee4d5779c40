namespace ReturnMonitor.Modeling;

/// <summary>
/// The ROC curve of probabilities against labels: one point per distinct score, from the strictest threshold
/// (nothing predicted returned, point (0, 0)) to the loosest (everything predicted returned, point (1, 1)).
/// Same points as <c>sklearn.metrics.roc_curve(y, s, drop_intermediate=False)</c>, without its artificial first threshold.
/// </summary>
/// <param name="FalsePositiveRate">FP / negatives at each threshold, ascending, in [0, 1].</param>
/// <param name="TruePositiveRate">TP / positives at each threshold, ascending, in [0, 1].</param>
/// <param name="Thresholds">The score threshold of each point (an order is predicted returned when its score ≥ threshold); +∞ for the first point.</param>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRate, IReadOnlyList<double> TruePositiveRate, IReadOnlyList<double> Thresholds)
{
    /// <summary>Computes the curve. Both classes must be present.</summary>
    /// <exception cref="ArgumentException">Lengths differ or a class is missing.</exception>
    public static RocCurve Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }

        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        Array.Reverse(keys);
        Array.Reverse(order);
        long positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        long negatives = labels.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("the ROC curve needs both returned and kept orders");
        }

        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var thresholds = new List<double> { double.PositiveInfinity };
        long tp = 0, fp = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            if (labels[order[k]]) { tp++; } else { fp++; }
            if (k + 1 == keys.Length || keys[k + 1] != keys[k])
            {
                fpr.Add((double)fp / negatives);
                tpr.Add((double)tp / positives);
                thresholds.Add(keys[k]);
            }
        }

        return new RocCurve(fpr, tpr, thresholds);
    }
}
