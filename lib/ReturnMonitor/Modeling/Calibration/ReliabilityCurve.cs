namespace ReturnMonitor.Modeling;

/// <summary>
/// How well probabilities match observed frequencies: probabilities are grouped into equal-width bins on [0, 1]
/// (bin b holds [b/B, (b+1)/B), the last bin also holds 1), and each non-empty bin's mean probability is compared with
/// its observed return rate. A perfectly calibrated model lies on the diagonal.
/// </summary>
/// <param name="Bins">The non-empty bins, in increasing probability.</param>
/// <param name="ExpectedCalibrationError">ECE = Σ (n_b / n)·|observed_b − mean predicted_b| over the bins: the average gap between what the model says and what happens, in probability points.</param>
public sealed record ReliabilityCurve(IReadOnlyList<ReliabilityBin> Bins, double ExpectedCalibrationError)
{
    /// <summary>Default number of bins.</summary>
    public const int DefaultBins = 10;

    /// <summary>The curve of <paramref name="probabilities"/> against <paramref name="labels"/> (true = returned).</summary>
    /// <exception cref="ArgumentException">Lengths differ, no orders, fewer than one bin, or a probability outside [0, 1].</exception>
    public static ReliabilityCurve Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<double> probabilities, int bins = DefaultBins)
    {
        if (labels.Length != probabilities.Length || labels.Length == 0 || bins < 1)
        {
            throw new ArgumentException($"a reliability curve needs as many labels as probabilities (got {labels.Length} and {probabilities.Length}), at least one order and one bin");
        }

        var count = new long[bins];
        var sumPredicted = new double[bins];
        var returned = new long[bins];
        for (var i = 0; i < labels.Length; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"probability {p} at position {i} is outside [0, 1]");
            }

            var b = Math.Min((int)(p * bins), bins - 1);
            count[b]++;
            sumPredicted[b] += p;
            returned[b] += labels[i] ? 1 : 0;
        }

        var result = new List<ReliabilityBin>();
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var bin = new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], sumPredicted[b] / count[b], (double)returned[b] / count[b]);
            result.Add(bin);
            ece += (double)count[b] / labels.Length * Math.Abs(bin.ObservedRate - bin.MeanPredicted);
        }

        return new ReliabilityCurve(result, ece);
    }
}
