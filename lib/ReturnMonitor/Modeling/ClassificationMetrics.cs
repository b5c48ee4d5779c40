namespace ReturnMonitor.Modeling;

/// <summary>
/// How well return probabilities separate returned from kept orders. Positive class = returned; an order is
/// predicted returned when its probability is ≥ the threshold (0.5 by default).
/// </summary>
/// <param name="Count">Number of orders scored.</param>
/// <param name="Accuracy">(TP + TN) / n.</param>
/// <param name="RocAuc">Area under the ROC curve, ties counted half (as sklearn.metrics.roc_auc_score); NaN when only one class is present.</param>
/// <param name="Precision">TP / (TP + FP); 0 when nothing is predicted returned (sklearn's zero_division=0).</param>
/// <param name="Recall">TP / (TP + FN); 0 when nothing was returned.</param>
/// <param name="F1">2·P·R / (P + R); 0 when P + R = 0.</param>
/// <param name="Confusion">The confusion matrix at the threshold.</param>
public sealed record ClassificationMetrics(
    long Count,
    double Accuracy,
    double RocAuc,
    double Precision,
    double Recall,
    double F1,
    ConfusionMatrix Confusion)
{
    /// <summary>Metrics of probabilities <paramref name="scores"/> against <paramref name="labels"/> (true = returned).</summary>
    public static ClassificationMetrics Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, double threshold = 0.5)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores");
        }

        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var predicted = scores[i] >= threshold;
            if (labels[i])
            {
                if (predicted) { tp++; } else { fn++; }
            }
            else
            {
                if (predicted) { fp++; } else { tn++; }
            }
        }

        return FromConfusion(new ConfusionMatrix(tn, fp, fn, tp), ComputeRocAuc(labels, scores));
    }

    /// <summary>Accuracy, precision, recall and F1 of a confusion matrix, with a ROC-AUC computed elsewhere.</summary>
    public static ClassificationMetrics FromConfusion(ConfusionMatrix confusion, double rocAuc)
    {
        var (tn, fp, fn, tp) = (confusion.TrueNegatives, confusion.FalsePositives, confusion.FalseNegatives, confusion.TruePositives);
        var n = tn + fp + fn + tp;
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassificationMetrics(n, n == 0 ? double.NaN : (double)(tp + tn) / n, rocAuc, precision, recall, f1, confusion);
    }

    /// <summary>
    /// ROC-AUC by the Mann–Whitney rank statistic: the probability that a random returned order scores higher than a
    /// random kept one, ties counting one half. NaN when either class is absent. O(n log n).
    /// </summary>
    public static double ComputeRocAuc(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        long positives = 0;
        double rankSum = 0;
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && keys[end + 1] == keys[start])
            {
                end++;
            }

            // Tied scores share the mean of their ranks (1-based).
            var meanRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    positives++;
                    rankSum += meanRank;
                }
            }

            start = end + 1;
        }

        long negatives = scores.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
