using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Confidence-based performance estimation (CBPE): the model's metrics on a batch without labels. If the calibrated
/// probability p of each order is right, its label is a coin with probability p, so the expected confusion matrix is
/// TP = Σ p over orders predicted returned, FP = Σ (1 − p) over them, FN = Σ p and TN = Σ (1 − p) over orders predicted
/// kept; accuracy, precision, recall and F1 are computed from these expected counts (plug-in estimates), and ROC-AUC
/// from the expected ROC curve (expected TPR and FPR at every score threshold, trapezoid rule).
/// The band is the sampling spread: labels are drawn from the probabilities many times and the realized metrics of
/// each draw are computed; its 2.5/97.5 percentiles are where the realized value should land.
/// <para>Assumptions: (1) the calibration fitted on reference data still holds — true under covariate shift (P(x)
/// changes, P(returned | x) does not); (2) no concept drift. When returns happen for a reason no feature records
/// (the supply crisis ships wrong items), the estimate stays high while the realized performance falls.</para>
/// </summary>
public static class PerformanceEstimator
{
    /// <summary>Default number of simulated label draws for the band.</summary>
    public const int DefaultSimulations = 200;

    /// <summary>Estimates the metrics of a batch from the model's raw scores and their calibrated probabilities.</summary>
    /// <param name="scores">The model's raw scores; an order is predicted returned when its score ≥ <paramref name="threshold"/>, and orders are ranked by it.</param>
    /// <param name="probabilities">Calibrated probabilities of return, one per score.</param>
    /// <param name="threshold">Decision threshold on the raw score.</param>
    /// <param name="simulations">Label draws for the band (0 for none: bands are then NaN).</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <exception cref="ArgumentException">Lengths differ or the batch is empty.</exception>
    public static EstimatedPerformance Estimate(ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities, double threshold = 0.5, int simulations = DefaultSimulations, ulong seed = 42)
    {
        if (scores.Length != probabilities.Length || scores.Length == 0)
        {
            throw new ArgumentException($"estimation needs one probability per score and at least one order (got {scores.Length} and {probabilities.Length})");
        }

        var ranking = new Ranking(scores, threshold);
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = probabilities[i];
            if (ranking.Predicted[i])
            {
                tp += p;
                fp += 1 - p;
            }
            else
            {
                fn += p;
                tn += 1 - p;
            }
        }

        var n = scores.Length;
        var precision = tp + fp > 0 ? tp / (tp + fp) : 0;
        var recall = tp + fn > 0 ? tp / (tp + fn) : 0;
        var values = new Dictionary<PerformanceMetric, double>
        {
            [PerformanceMetric.RocAuc] = ExpectedRocAuc(scores, probabilities),
            [PerformanceMetric.Accuracy] = (tp + tn) / n,
            [PerformanceMetric.Precision] = precision,
            [PerformanceMetric.Recall] = recall,
            [PerformanceMetric.F1] = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
        };
        return new EstimatedPerformance(n, values, Bands(ranking, probabilities, simulations, seed), new ExpectedConfusion(tn, fp, fn, tp), (tp + fn) / n);
    }

    /// <summary>
    /// Area under the expected ROC curve: orders sorted by score, descending; at each distinct score the expected
    /// TPR = Σp / Σp(all) and FPR = Σ(1 − p) / Σ(1 − p)(all) of the orders at or above it; trapezoids in between (ties
    /// form one diagonal step, as in the realized ROC-AUC). NaN when all probabilities are 0 or all are 1.
    /// </summary>
    public static double ExpectedRocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double totalPositive = 0, totalNegative = 0;
        foreach (var p in probabilities)
        {
            totalPositive += p;
            totalNegative += 1 - p;
        }

        if (!(totalPositive > 0 && totalNegative > 0))
        {
            return double.NaN;
        }

        double area = 0, tpr = 0, fpr = 0;
        for (var k = keys.Length - 1; k >= 0;)
        {
            double positive = 0, negative = 0;
            var start = k;
            while (k >= 0 && keys[k] == keys[start])
            {
                positive += probabilities[order[k]];
                negative += 1 - probabilities[order[k]];
                k--;
            }

            var nextTpr = tpr + positive / totalPositive;
            var nextFpr = fpr + negative / totalNegative;
            area += (nextFpr - fpr) * (tpr + nextTpr) / 2;
            (tpr, fpr) = (nextTpr, nextFpr);
        }

        return area;
    }

    /// <summary>
    /// Alert thresholds per metric from labelled reference orders (held out from training): the realized metric over
    /// consecutive chunks of <paramref name="chunkSize"/> orders, or — when there are fewer than ten whole chunks —
    /// over <paramref name="bootstrapChunks"/> chunks drawn with replacement; mean ± 3σ, clipped to [0, 1].
    /// </summary>
    /// <remarks><paramref name="threshold"/> is the decision threshold of the metrics that need one (accuracy, precision, recall, F1).</remarks>
    /// <exception cref="ArgumentException">Lengths differ, or chunk size below 1.</exception>
    public static IReadOnlyDictionary<PerformanceMetric, MetricThresholds> Thresholds(
        ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, int chunkSize, int bootstrapChunks = 200, ulong seed = 42, double threshold = 0.5)
    {
        if (labels.Length != scores.Length || chunkSize < 1 || labels.Length == 0)
        {
            throw new ArgumentException("thresholds need labelled reference orders (one label per score) and a chunk size ≥ 1");
        }

        var bootstrap = labels.Length / chunkSize < 10;
        var chunks = bootstrap ? bootstrapChunks : labels.Length / chunkSize;
        var random = new RandomSource(RandomSource.DeriveSeed(seed, "performance-thresholds"));
        var realized = new List<ClassificationMetrics>();
        var chunkLabels = new bool[chunkSize];
        var chunkScores = new double[chunkSize];
        for (var c = 0; c < chunks; c++)
        {
            for (var i = 0; i < chunkSize; i++)
            {
                var index = bootstrap ? random.NextInt(0, labels.Length) : c * chunkSize + i;
                chunkLabels[i] = labels[index];
                chunkScores[i] = scores[index];
            }

            realized.Add(ClassificationMetrics.Compute(chunkLabels, chunkScores, threshold));
        }

        return PerformanceMetrics.All.ToDictionary(metric => metric, metric =>
        {
            var values = realized.Select(m => metric.Of(m)).Where(double.IsFinite).ToArray();
            var mean = values.Length > 0 ? values.Average() : double.NaN;
            var sd = SampleStandardDeviation(values, mean);
            return new MetricThresholds(metric, mean, sd, Math.Max(0, mean - 3 * sd), Math.Min(1, mean + 3 * sd), chunkSize, chunks, bootstrap);
        });
    }

    private static Dictionary<PerformanceMetric, MetricBand> Bands(Ranking ranking, ReadOnlySpan<double> probabilities, int simulations, ulong seed)
    {
        var draws = PerformanceMetrics.All.ToDictionary(m => m, _ => new List<double>());
        var random = new RandomSource(RandomSource.DeriveSeed(seed, "cbpe-band"));
        var labels = new bool[probabilities.Length];
        for (var s = 0; s < simulations; s++)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = random.Bernoulli(probabilities[i]);
            }

            var m = ranking.Metrics(labels);
            foreach (var metric in PerformanceMetrics.All)
            {
                if (double.IsFinite(metric.Of(m)))
                {
                    draws[metric].Add(metric.Of(m));
                }
            }
        }

        return draws.ToDictionary(d => d.Key, d =>
        {
            if (d.Value.Count < 2)
            {
                return new MetricBand(double.NaN, double.NaN, double.NaN);
            }

            // Percentiles with numpy's default linear interpolation.
            var draws = EmpiricalDistribution.FromSample(d.Value.ToArray());
            return new MetricBand(draws.Percentile(2.5), draws.Percentile(97.5), SampleStandardDeviation(d.Value, draws.Mean));
        });
    }

    /// <summary>Standard deviation with divisor n − 1; NaN for fewer than two values.</summary>
    private static double SampleStandardDeviation(IReadOnlyCollection<double> values, double mean) =>
        values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : double.NaN;

    /// <summary>The scores' ranks and predictions, computed once so that each simulated draw costs O(n).</summary>
    private sealed class Ranking
    {
        private readonly double[] meanRank;

        public Ranking(ReadOnlySpan<double> scores, double threshold)
        {
            Predicted = new bool[scores.Length];
            meanRank = new double[scores.Length];
            var order = Enumerable.Range(0, scores.Length).ToArray();
            var keys = scores.ToArray();
            Array.Sort(keys, order);
            for (var start = 0; start < keys.Length;)
            {
                var end = start;
                while (end + 1 < keys.Length && keys[end + 1] == keys[start])
                {
                    end++;
                }

                for (var k = start; k <= end; k++)
                {
                    meanRank[order[k]] = (start + end) / 2.0 + 1;
                }

                start = end + 1;
            }

            for (var i = 0; i < scores.Length; i++)
            {
                Predicted[i] = scores[i] >= threshold;
            }
        }

        public bool[] Predicted { get; }

        /// <summary>Realized metrics for one set of labels (same definitions as <see cref="ClassificationMetrics.Compute"/>).</summary>
        public ClassificationMetrics Metrics(bool[] labels)
        {
            long tp = 0, fp = 0, fn = 0, tn = 0, positives = 0;
            double rankSum = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i])
                {
                    positives++;
                    rankSum += meanRank[i];
                    if (Predicted[i]) { tp++; } else { fn++; }
                }
                else if (Predicted[i]) { fp++; }
                else { tn++; }
            }

            long negatives = labels.Length - positives;
            var auc = positives == 0 || negatives == 0 ? double.NaN : (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
            return ClassificationMetrics.FromConfusion(new ConfusionMatrix(tn, fp, fn, tp), auc);
        }
    }
}
