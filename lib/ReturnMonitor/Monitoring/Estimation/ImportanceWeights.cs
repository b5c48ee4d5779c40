namespace ReturnMonitor.Monitoring;

/// <summary>
/// Importance weights w_i ≈ p_batch(x_i)/p_reference(x_i) of labelled reference orders, from a domain classifier's
/// out-of-fold probability q_i = P(batch | x_i): by Bayes, p_batch/p_reference = q/(1 − q) · n_reference/n_batch.
/// q is clipped to [<see cref="ProbabilityClip"/>, 1 − <see cref="ProbabilityClip"/>] so that one over-confident
/// tree cannot give a row infinite weight. Weights are scaled to mean 1 (ratio estimators do not depend on the scale).
/// </summary>
/// <param name="Weights">One weight per reference row, mean 1.</param>
/// <param name="EffectiveSampleSize">(Σw)²/Σw² (Kish): how many unweighted orders the weighted sample is worth; n for equal weights, 1 when one row carries all.</param>
public sealed record ImportanceWeights(IReadOnlyList<double> Weights, double EffectiveSampleSize)
{
    /// <summary>Lowest (and 1 − highest) probability used in the odds.</summary>
    public const double ProbabilityClip = 0.001;

    /// <summary>Weights from the domain classifier's probabilities of the reference rows.</summary>
    /// <param name="referenceProbabilities">P(batch | x) of each reference row (out-of-fold).</param>
    /// <param name="referenceCount">Reference rows the classifier was trained with.</param>
    /// <param name="batchCount">Batch rows the classifier was trained with.</param>
    /// <exception cref="ArgumentException">No rows or a count below 1.</exception>
    public static ImportanceWeights FromDomainProbabilities(IReadOnlyList<double> referenceProbabilities, int referenceCount, int batchCount)
    {
        if (referenceProbabilities.Count == 0 || referenceCount < 1 || batchCount < 1)
        {
            throw new ArgumentException("importance weights need reference rows and both class counts ≥ 1");
        }

        var weights = referenceProbabilities.Select(q => DensityRatio(q, referenceCount, batchCount)).ToArray();
        var mean = weights.Average();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= mean;
        }

        return new ImportanceWeights(weights, EffectiveSize(weights));
    }

    /// <summary>The density ratio p_batch(x)/p_reference(x) implied by P(batch | x) = q: q/(1 − q) · n_reference/n_batch, q clipped.</summary>
    public static double DensityRatio(double probability, int referenceCount, int batchCount)
    {
        var q = Math.Clamp(probability, ProbabilityClip, 1 - ProbabilityClip);
        return q / (1 - q) * referenceCount / batchCount;
    }

    /// <summary>Kish's effective sample size (Σw)²/Σw²; NaN when all weights are 0 or there are none.</summary>
    public static double EffectiveSize(ReadOnlySpan<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }

        return squares > 0 ? sum * sum / squares : double.NaN;
    }
}
