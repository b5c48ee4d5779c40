using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Money per batch without labels: the expected cost of its returns (<see cref="ReturnCost"/>), the value of the
/// model's decisions and the threshold worth using (<see cref="DecisionValuation"/>), all from the calibrated return
/// probabilities and each order's price.
/// </summary>
public static class MoneyEstimator
{
    /// <summary>z of the two-sided 95% normal band.</summary>
    public const double BandZ = 1.96;

    /// <summary>Each order's return cost c_i = handling + shipping + priceLostShare·price_i.</summary>
    public static double[] ReturnCosts(CostModel costs, ReadOnlySpan<double> prices)
    {
        var result = new double[prices.Length];
        for (var i = 0; i < prices.Length; i++)
        {
            result[i] = costs.ReturnCost(prices[i]);
        }

        return result;
    }

    /// <summary>Realized return cost per order of labelled orders: Σ y_i·c_i / n.</summary>
    /// <exception cref="ArgumentException">The table is unlabelled or empty.</exception>
    /// <param name="costs">The cost model.</param>
    /// <param name="labelled">Labelled orders.</param>
    /// <param name="priceFeature">The feature with the meaning <c>price</c>, or null for a flat cost per return (<see cref="OrderPrices"/>).</param>
    public static double RealizedCostPerOrder(CostModel costs, OrderTable labelled, string? priceFeature = DemoSchema.PriceFeature)
    {
        if (!labelled.HasTarget || labelled.Count == 0)
        {
            throw new ArgumentException($"{labelled.Source}: the realized return cost needs labelled orders");
        }

        var prices = OrderPrices.Of(labelled, priceFeature);
        var returned = labelled.Returned;
        double total = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            total += returned[i] ? costs.ReturnCost(prices[i]) : 0;
        }

        return total / labelled.Count;
    }

    /// <summary>The expected return cost of a batch with its band (see <see cref="ReturnCostEstimate"/>).</summary>
    /// <param name="costs">The cost model.</param>
    /// <param name="prices">Each order's product price.</param>
    /// <param name="probabilities">Each order's calibrated return probability.</param>
    /// <param name="probabilityReplicates">The same probabilities under bootstrap-refitted calibrators (<see cref="CalibrationBootstrap.Apply"/>), or null for no calibration term.</param>
    /// <param name="labels">The batch's labels, or an empty span when unlabelled.</param>
    /// <param name="referenceCostPerOrder">Realized cost per order of the reference (<see cref="RealizedCostPerOrder"/>).</param>
    /// <param name="importanceWeightedPerOrder">Cost per order under the importance-weighted calibration (<see cref="CostPerOrder"/>), or null.</param>
    /// <exception cref="ArgumentException">Lengths differ or the batch is empty.</exception>
    public static ReturnCostEstimate ReturnCost(
        CostModel costs,
        ReadOnlySpan<double> prices,
        ReadOnlySpan<double> probabilities,
        IReadOnlyList<double[]>? probabilityReplicates,
        ReadOnlySpan<bool> labels,
        double referenceCostPerOrder,
        double? importanceWeightedPerOrder = null)
    {
        if (prices.Length != probabilities.Length || prices.Length == 0 || (labels.Length != 0 && labels.Length != prices.Length))
        {
            throw new ArgumentException($"one price, probability (and label, when labelled) per order is needed: {prices.Length} prices, {probabilities.Length} probabilities, {labels.Length} labels");
        }

        var c = ReturnCosts(costs, prices);
        double expected = 0, variance = 0, realized = 0;
        for (var i = 0; i < c.Length; i++)
        {
            var p = probabilities[i];
            expected += p * c[i];
            variance += p * (1 - p) * c[i] * c[i];
            realized += labels.Length > 0 && labels[i] ? c[i] : 0;
        }

        var calibration = 0.0;
        if (probabilityReplicates is { Count: > 1 })
        {
            var totals = probabilityReplicates.Select(replicate => replicate.Select((p, i) => p * c[i]).Sum()).ToArray();
            calibration = ImportanceWeightedEstimator.StandardDeviation(totals);
        }

        var sampling = Math.Sqrt(variance);
        var se = Math.Sqrt(variance + calibration * calibration);
        var n = c.Length;
        var perOrder = expected / n;
        return new ReturnCostEstimate(
            costs.Currency,
            n,
            expected,
            perOrder,
            sampling,
            calibration,
            se,
            Math.Max(0, expected - BandZ * se),
            expected + BandZ * se,
            labels.Length > 0 ? realized : null,
            referenceCostPerOrder,
            perOrder - referenceCostPerOrder,
            (perOrder - referenceCostPerOrder) * n,
            importanceWeightedPerOrder);
    }

    /// <summary>Σ p_i·c_i / n over the batch with probabilities from another calibration, e.g. the importance-weighted one (<see cref="ImportanceWeightedEstimate.BatchProbabilities"/>).</summary>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static double CostPerOrder(CostModel costs, ReadOnlySpan<double> prices, IReadOnlyList<double> probabilities)
    {
        if (prices.Length != probabilities.Count || prices.Length == 0)
        {
            throw new ArgumentException($"one probability per order is needed ({probabilities.Count} probabilities, {prices.Length} orders)");
        }

        double total = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            total += probabilities[i] * costs.ReturnCost(prices[i]);
        }

        return total / prices.Length;
    }

    /// <summary>
    /// The whole money picture of a batch: expected return cost with band (calibration term from
    /// <paramref name="reference"/>'s bootstrap), realized cost when labelled, extra cost vs
    /// <paramref name="referenceCostPerOrder"/>, decision value at <paramref name="threshold"/> and the threshold advice
    /// (reference curve from the held-out orders). With an <paramref name="assessment"/> of the same batch, the
    /// importance-weighted cost per order is added.
    /// </summary>
    /// <exception cref="ArgumentException">Scores, probabilities and orders differ in number, or the batch is empty.</exception>
    public static BatchMoney Estimate(
        CostModel costs,
        EstimationReference reference,
        OrderTable batch,
        ReadOnlySpan<double> scores,
        ReadOnlySpan<double> probabilities,
        double referenceCostPerOrder,
        double threshold = 0.5,
        PerformanceAssessment? assessment = null,
        string? priceFeature = DemoSchema.PriceFeature)
    {
        var prices = OrderPrices.Of(batch, priceFeature);
        var labels = batch.HasTarget ? batch.Returned : ReadOnlySpan<bool>.Empty;
        var weighted = assessment is null ? (double?)null : CostPerOrder(costs, prices, assessment.ImportanceWeighted.BatchProbabilities);
        var returnCost = ReturnCost(costs, prices, probabilities, reference.Bootstrap.Apply(scores), labels, referenceCostPerOrder, weighted);
        var decisions = DecisionValuation.Value(costs, prices, scores, probabilities, labels, threshold);
        var advice = DecisionValuation.Advise(
            costs,
            OrderPrices.Of(reference.HeldOut, priceFeature),
            reference.Scores,
            reference.Probabilities.ToArray(),
            prices,
            scores,
            probabilities,
            threshold);
        return new BatchMoney(costs, returnCost, decisions, advice);
    }
}
