using ReturnMonitor.Data;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Importance-weighted performance estimation (the idea behind NannyML's PAPE): under covariate shift P(returned | x)
/// is unchanged and only p(x) moves, so a metric's value on the batch equals its value on labelled reference orders
/// reweighted by the density ratio w(x) = p_batch(x)/p_reference(x). Unlike CBPE it uses real labels, so it stays right
/// where the model's calibration breaks under the shift — as long as the reference has orders there; how many it
/// effectively has is the weights' effective sample size. It cannot see concept drift (new causes of returns) either.
/// </summary>
public static class ImportanceWeightedEstimator
{
    /// <summary>Default bootstrap replicates for the standard errors.</summary>
    public const int DefaultReplicates = 200;

    /// <summary>Estimates every metric from weighted reference orders.</summary>
    /// <param name="labels">Labels of the reference (held-out) orders.</param>
    /// <param name="scores">The model's scores of the same orders.</param>
    /// <param name="weights">Their importance weights (any positive scale).</param>
    /// <param name="threshold">Decision threshold on the score.</param>
    /// <param name="replicates">Bootstrap replicates for the standard errors (0: standard errors NaN).</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static ImportanceWeightedEstimate Estimate(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights, double threshold = 0.5, int replicates = DefaultReplicates, ulong seed = 42)
    {
        if (labels.Length == 0)
        {
            throw new ArgumentException("an importance-weighted estimate needs labelled reference orders");
        }

        var values = WeightedMetrics.Compute(labels, scores, weights, threshold);
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

            foreach (var (metric, value) in WeightedMetrics.Compute(bootLabels, bootScores, bootWeights, threshold))
            {
                if (double.IsFinite(value))
                {
                    draws[metric].Add(value);
                }
            }
        }

        var errors = draws.ToDictionary(d => d.Key, d => StandardDeviation(d.Value));
        return new ImportanceWeightedEstimate(values, errors, ImportanceWeights.EffectiveSize(weights), replicates);
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
