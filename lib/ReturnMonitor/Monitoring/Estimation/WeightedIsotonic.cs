using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Isotonic calibration with sample weights (sklearn's <c>IsotonicRegression.fit(x, y, sample_weight)</c>): the
/// non-decreasing step function of the score minimising Σ w_i (y_i − f(s_i))², by pool-adjacent-violators — orders with
/// equal scores are pooled into their weighted return rate, then adjacent blocks whose rate decreases are merged
/// (weighted by their total weight). Orders with weight 0 are ignored. Returned as an isotonic
/// <see cref="ProbabilityCalibrator"/> (each block's first and last score as knots, linear in between, clipped outside).
/// </summary>
public static class WeightedIsotonic
{
    /// <summary>Fits the weighted isotonic calibration.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a weight is negative or not finite, or no order has positive weight.</exception>
    public static ProbabilityCalibrator Fit(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> weights)
    {
        if (labels.Length != scores.Length || labels.Length != weights.Length)
        {
            throw new ArgumentException($"{labels.Length} labels, {scores.Length} scores and {weights.Length} weights: one of each per order");
        }

        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        var blockX0 = new List<double>();
        var blockX1 = new List<double>();
        var blockValue = new List<double>();
        var blockWeight = new List<double>();
        for (var k = 0; k < keys.Length;)
        {
            double returned = 0, weight = 0;
            var end = k;
            for (; end < keys.Length && keys[end] == keys[k]; end++)
            {
                var w = weights[order[end]];
                if (!(w >= 0) || double.IsInfinity(w))
                {
                    throw new ArgumentException($"weights must be finite and ≥ 0 (got {w})");
                }

                weight += w;
                returned += labels[order[end]] ? w : 0;
            }

            if (weight > 0)
            {
                var x0 = keys[k];
                var value = returned / weight;
                while (blockValue.Count > 0 && blockValue[^1] > value)
                {
                    value = (blockValue[^1] * blockWeight[^1] + value * weight) / (blockWeight[^1] + weight);
                    weight += blockWeight[^1];
                    x0 = blockX0[^1];
                    blockX0.RemoveAt(blockX0.Count - 1);
                    blockX1.RemoveAt(blockX1.Count - 1);
                    blockValue.RemoveAt(blockValue.Count - 1);
                    blockWeight.RemoveAt(blockWeight.Count - 1);
                }

                blockX0.Add(x0);
                blockX1.Add(keys[k]);
                blockValue.Add(value);
                blockWeight.Add(weight);
            }

            k = end;
        }

        if (blockValue.Count == 0)
        {
            throw new ArgumentException("weighted isotonic calibration needs at least one order with positive weight");
        }

        var x = new List<double>();
        var y = new List<double>();
        for (var b = 0; b < blockValue.Count; b++)
        {
            // Rounding in the pooled means can leave a later block a hair below an earlier one: keep the knots monotone.
            var value = Math.Clamp(y.Count > 0 ? Math.Max(y[^1], blockValue[b]) : blockValue[b], 0, 1);
            x.Add(blockX0[b]);
            y.Add(value);
            if (blockX1[b] > blockX0[b])
            {
                x.Add(blockX1[b]);
                y.Add(value);
            }
        }

        return ProbabilityCalibrator.FromParameters(CalibrationMethod.Isotonic, 0, 0, x, y);
    }
}
