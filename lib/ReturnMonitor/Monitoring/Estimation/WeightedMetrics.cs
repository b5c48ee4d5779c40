using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Classification metrics of labelled orders where order i counts w_i times (sklearn's <c>sample_weight</c>): the
/// weighted confusion matrix at a threshold gives accuracy, precision, recall and F1; the weighted ROC-AUC is the
/// weighted Mann–Whitney statistic Σ_pos Σ_neg w_i w_j ([s_i > s_j] + ½[s_i = s_j]) / (W_pos · W_neg), equal to the
/// trapezoidal area under the weighted ROC curve (sklearn.metrics.roc_auc_score with sample_weight).
/// </summary>
public static class WeightedMetrics
{
    /// <summary>Weighted metrics; an order is predicted returned when its score ≥ <paramref name="threshold"/>.</summary>
    /// <returns>Every <see cref="PerformanceMetric"/>; precision, recall, F1 are 0 when undefined (sklearn's zero_division=0), ROC-AUC NaN when a class has no weight.</returns>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static Dictionary<PerformanceMetric, double> Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double threshold = 0.5)
    {
        var confusion = Confusion(labels, scores, weights, threshold);
        double tp = confusion.TruePositives, fp = confusion.FalsePositives, fn = confusion.FalseNegatives, tn = confusion.TrueNegatives;
        var total = tp + fp + fn + tn;
        var precision = tp + fp > 0 ? tp / (tp + fp) : 0;
        var recall = tp + fn > 0 ? tp / (tp + fn) : 0;
        return new Dictionary<PerformanceMetric, double>
        {
            [PerformanceMetric.RocAuc] = RocAuc(labels, scores, weights),
            [PerformanceMetric.Accuracy] = total > 0 ? (tp + tn) / total : double.NaN,
            [PerformanceMetric.Precision] = precision,
            [PerformanceMetric.Recall] = recall,
            [PerformanceMetric.F1] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
        };
    }

    /// <summary>Weighted confusion matrix: each cell is the sum of the weights of its orders.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static ExpectedConfusion Confusion(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double threshold = 0.5)
    {
        Check(labels, scores, weights);
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = scores[i] >= threshold;
            if (labels[i])
            {
                if (predicted) { tp += weights[i]; } else { fn += weights[i]; }
            }
            else if (predicted) { fp += weights[i]; }
            else { tn += weights[i]; }
        }

        return new ExpectedConfusion(tn, fp, fn, tp);
    }

    /// <summary>Weighted ROC-AUC (ties count half); NaN when the returned or the kept orders have no weight.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static double RocAuc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        Check(labels, scores, weights);
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double negativeBelow = 0, numerator = 0, positives = 0;
        for (var start = 0; start < keys.Length;)
        {
            double groupPositive = 0, groupNegative = 0;
            var end = start;
            for (; end < keys.Length && keys[end] == keys[start]; end++)
            {
                var i = order[end];
                if (labels[i]) { groupPositive += weights[i]; } else { groupNegative += weights[i]; }
            }

            // Positives of this score beat every lower-scored negative and tie with this score's negatives.
            numerator += groupPositive * (negativeBelow + groupNegative / 2);
            negativeBelow += groupNegative;
            positives += groupPositive;
            start = end;
        }

        return positives > 0 && negativeBelow > 0 ? numerator / (positives * negativeBelow) : double.NaN;
    }

    private static void Check(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        if (labels.Length != scores.Length || labels.Length != weights.Length)
        {
            throw new ArgumentException($"{labels.Length} labels, {scores.Length} scores and {weights.Length} weights: one of each per order");
        }
    }
}
