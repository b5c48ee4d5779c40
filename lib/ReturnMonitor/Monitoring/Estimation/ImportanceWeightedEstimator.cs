using ReturnMonitor.Data;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Importance-weighted performance estimation, the idea behind NannyML's PAPE: under covariate shift P(returned | x)
/// is unchanged and only p(x) moves, but the calibration P(returned | score) can change, because a score now gathers
/// different kinds of orders. Reweighting the labelled held-out orders by the density ratio
/// w(x) = p_batch(x)/p_reference(x) and refitting the calibration on them (weighted isotonic regression) estimates the
/// batch's calibration; CBPE on the batch's own scores with it gives the metrics. It uses real labels where the batch
/// lives — as long as the held-out orders reach there, which the weights' effective sample size measures. It cannot
/// see concept drift (new causes of returns).
/// </summary>
public static class ImportanceWeightedEstimator
{
    /// <summary>Default bootstrap replicates for the standard errors.</summary>
    public const int DefaultReplicates = 100;

    /// <summary>Estimates every metric of the batch.</summary>
    /// <param name="labels">Labels of the held-out orders.</param>
    /// <param name="scores">The model's scores of the held-out orders.</param>
    /// <param name="weights">Their importance weights (any positive scale).</param>
    /// <param name="batchScores">The model's scores of the batch.</param>
    /// <param name="threshold">Decision threshold on the score.</param>
    /// <param name="replicates">Bootstrap replicates for the standard errors (0: standard errors NaN).</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <exception cref="ArgumentException">Lengths differ, no held-out orders, or an empty batch.</exception>
    public static ImportanceWeightedEstimate Estimate(
        ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, ReadOnlySpan<double> batchScores,
        double threshold = 0.5, int replicates = DefaultReplicates, ulong seed = 42)
    {
        if (labels.Length == 0 || batchScores.Length == 0)
        {
            throw new ArgumentException("an importance-weighted estimate needs labelled held-out orders and a non-empty batch");
        }

        var probabilities = WeightedIsotonic.Fit(labels, scores, weights).Apply(batchScores);
        var values = PerformanceEstimator.Estimate(batchScores, probabilities, threshold, simulations: 0).Values;
        var draws = PerformanceMetrics.All.ToDictionary(m => m, _ => new List<double>());
        var random = new RandomSource(RandomSource.DeriveSeed(seed, "importance-weighted-bootstrap"));
        var n = labels.Length;
        var bootLabels = new bool[n];
        var bootScores = new double[n];
        var bootWeights = new double[n];
        for (var r = 0; r < replicates; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var j = random.NextInt(0, n);
                bootLabels[i] = labels[j];
                bootScores[i] = scores[j];
                bootWeights[i] = weights[j];
            }

            var replicate = WeightedIsotonic.Fit(bootLabels, bootScores, bootWeights).Apply(batchScores);
            foreach (var (metric, value) in PerformanceEstimator.Estimate(batchScores, replicate, threshold, simulations: 0).Values)
            {
                if (double.IsFinite(value))
                {
                    draws[metric].Add(value);
                }
            }
        }

        var errors = draws.ToDictionary(d => d.Key, d => StandardDeviation(d.Value));
        var direct = WeightedMetrics.Compute(labels, scores, weights, threshold);
        return new ImportanceWeightedEstimate(values, errors, direct, probabilities, ImportanceWeights.EffectiveSize(weights), replicates);
    }

    /// <summary>Sample standard deviation (divisor n − 1); NaN for fewer than two values.</summary>
    internal static double StandardDeviation(IReadOnlyCollection<double> values)
    {
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
