namespace ReturnMonitor.Monitoring;

/// <summary>
/// What acting on the model's predictions is worth in money (<see cref="DecisionValue"/>) and which threshold is worth
/// most (<see cref="ThresholdAdvice"/>). Intervening on order i is worth p_i·e·c_i − I in expectation, so the value of a
/// threshold t is V(t) = Σ_{s_i ≥ t} (p_i·e·c_i − I): the cost matrix (TP: e·c_i − I, FP: −I, FN and TN: 0) applied to
/// the expected confusion matrix order by order.
/// </summary>
public static class DecisionValuation
{
    /// <summary>The thresholds searched: 0.01, 0.02, …, 0.99.</summary>
    public static IReadOnlyList<double> Grid { get; } = Enumerable.Range(1, 99).Select(k => k / 100.0).ToArray();

    /// <summary>Expected (and, with labels, realized) value of the decisions at <paramref name="threshold"/>.</summary>
    /// <param name="costs">The cost model.</param>
    /// <param name="prices">Each order's price.</param>
    /// <param name="scores">The model's scores (decisions: score ≥ threshold).</param>
    /// <param name="probabilities">Calibrated return probabilities.</param>
    /// <param name="labels">Labels, or empty when unlabelled.</param>
    /// <param name="threshold">Decision threshold on the score.</param>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static DecisionValue Value(CostModel costs, ReadOnlySpan<double> prices, ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, double threshold)
    {
        Check(prices, scores, probabilities);
        if (labels.Length != 0 && labels.Length != prices.Length)
        {
            throw new ArgumentException($"{labels.Length} labels for {prices.Length} orders");
        }

        double prevented = 0, realizedPrevented = 0;
        var interventions = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            if (scores[i] >= threshold)
            {
                var c = costs.ReturnCost(prices[i]);
                interventions++;
                prevented += probabilities[i] * costs.InterventionPreventedShare * c;
                realizedPrevented += labels.Length > 0 && labels[i] ? costs.InterventionPreventedShare * c : 0;
            }
        }

        var spend = interventions * costs.InterventionCost;
        var n = prices.Length;
        double? realized = labels.Length > 0 ? realizedPrevented - spend : null;
        return new DecisionValue(costs.Currency, threshold, n, interventions, prevented, spend, prevented - spend, (prevented - spend) * 1000 / n, realized, realized * 1000 / n);
    }

    /// <summary>Expected value per 1,000 orders of every threshold in <paramref name="thresholds"/>: 1000/n · Σ_{s_i ≥ t} (p_i·e·c_i − I).</summary>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static double[] Curve(CostModel costs, ReadOnlySpan<double> prices, ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities, IReadOnlyList<double> thresholds)
    {
        Check(prices, scores, probabilities);
        var result = new double[thresholds.Count];
        for (var i = 0; i < prices.Length; i++)
        {
            var value = costs.InterventionValue(probabilities[i], costs.ReturnCost(prices[i]));
            for (var k = 0; k < thresholds.Count; k++)
            {
                result[k] += scores[i] >= thresholds[k] ? value : 0;
            }
        }

        for (var k = 0; k < result.Length; k++)
        {
            result[k] *= 1000.0 / prices.Length;
        }

        return result;
    }

    /// <summary>
    /// Best thresholds on the reference and the batch (over <see cref="Grid"/> plus the current threshold; ties go to
    /// the current threshold, then to the lower one) and the batch's value at each.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or a side is empty.</exception>
    public static ThresholdAdvice Advise(
        CostModel costs,
        ReadOnlySpan<double> referencePrices,
        ReadOnlySpan<double> referenceScores,
        ReadOnlySpan<double> referenceProbabilities,
        ReadOnlySpan<double> prices,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<double> probabilities,
        double currentThreshold)
    {
        // The current threshold first, so that an exact tie keeps it (no advice to move for nothing).
        var candidates = new[] { currentThreshold }.Concat(Grid.Where(t => t != currentThreshold)).ToArray();
        var reference = Curve(costs, referencePrices, referenceScores, referenceProbabilities, candidates);
        var batch = Curve(costs, prices, scores, probabilities, candidates);
        var referenceBest = ArgMax(reference);
        var batchBest = ArgMax(batch);
        return new ThresholdAdvice(
            costs.Currency,
            currentThreshold,
            candidates[referenceBest],
            candidates[batchBest],
            reference[referenceBest],
            batch[0],
            batch[referenceBest],
            batch[batchBest]);
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }

    private static void Check(ReadOnlySpan<double> prices, ReadOnlySpan<double> scores, ReadOnlySpan<double> probabilities)
    {
        if (prices.Length != scores.Length || prices.Length != probabilities.Length || prices.Length == 0)
        {
            throw new ArgumentException($"one price, score and probability per order is needed: {prices.Length}, {scores.Length}, {probabilities.Length}");
        }
    }
}
