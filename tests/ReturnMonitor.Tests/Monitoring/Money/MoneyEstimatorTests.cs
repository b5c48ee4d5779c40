using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring.Money;

public class MoneyEstimatorTests
{
    // Hand-computed case: handling 5 + shipping 3 + 10% of the price → costs 18, 10, 8 for prices 100, 20, 0.
    private static readonly CostModel Costs = new("EUR", 5, 3, 0.1, 1, 0.5);
    private static readonly double[] Prices = [100, 20, 0];
    private static readonly double[] Probabilities = [0.5, 0.1, 0.9];
    private static readonly double[] Scores = [0.8, 0.3, 0.6];
    private static readonly bool[] Labels = [true, false, true];

    [Fact]
    public void Expected_return_cost_and_its_exact_bernoulli_variance_match_a_hand_computation()
    {
        var estimate = MoneyEstimator.ReturnCost(Costs, Prices, Probabilities, null, Labels, referenceCostPerOrder: 5);
        // Σ p·c = 0.5·18 + 0.1·10 + 0.9·8 = 17.2; Σ p(1−p)c² = 0.25·324 + 0.09·100 + 0.09·64 = 95.76.
        Assert.Equal(17.2, estimate.ExpectedTotal, 12);
        Assert.Equal(17.2 / 3, estimate.ExpectedPerOrder, 12);
        Assert.Equal(Math.Sqrt(95.76), estimate.SamplingStandardError, 12);
        Assert.Equal(0, estimate.CalibrationStandardError);
        Assert.Equal(Math.Max(0, 17.2 - 1.96 * Math.Sqrt(95.76)), estimate.Lower, 12);
        Assert.Equal(17.2 + 1.96 * Math.Sqrt(95.76), estimate.Upper, 12);
        // Realized: orders 1 and 3 returned → 18 + 8.
        Assert.Equal(26, estimate.RealizedTotal);
        Assert.True(estimate.Covers);
        Assert.Equal(17.2 / 3 - 5, estimate.ExtraPerOrder, 12);
        Assert.Equal(17.2 - 15, estimate.ExtraTotal, 12);
    }

    [Fact]
    public void The_calibration_term_is_the_spread_of_the_expected_cost_over_the_replicates()
    {
        // Replicate totals 17.2 and 0.6·18 + 1 + 7.2 = 19.0: sample SD = 1.8/√2.
        double[][] replicates = [[0.5, 0.1, 0.9], [0.6, 0.1, 0.9]];
        var estimate = MoneyEstimator.ReturnCost(Costs, Prices, Probabilities, replicates, [], 5);
        Assert.Equal(1.8 / Math.Sqrt(2), estimate.CalibrationStandardError, 12);
        Assert.Equal(Math.Sqrt(95.76 + 1.62), estimate.StandardError, 12);
        Assert.Null(estimate.RealizedTotal);
        Assert.Null(estimate.Covers);
    }

    [Fact]
    public void Decision_value_applies_the_cost_matrix_order_by_order()
    {
        var value = DecisionValuation.Value(Costs, Prices, Scores, Probabilities, Labels, threshold: 0.5);
        // Orders 1 and 3 are acted on: expected prevented 0.5·0.5·18 + 0.9·0.5·8 = 8.1, spend 2.
        Assert.Equal(2, value.Interventions);
        Assert.Equal(8.1, value.ExpectedPreventedCost, 12);
        Assert.Equal(2, value.InterventionSpend, 12);
        Assert.Equal(6.1, value.ExpectedNet, 12);
        Assert.Equal(6100.0 / 3, value.ExpectedNetPer1000, 9);
        // Realized: both were returned → 0.5·18 + 0.5·8 − 2 = 11.
        Assert.Equal(11, value.RealizedNet!.Value, 12);
    }

    [Fact]
    public void The_value_curve_and_the_best_threshold_match_a_hand_computation()
    {
        // Per-order values p·e·c − I: 3.5, −0.5, 2.6 at scores 0.8, 0.3, 0.6.
        // V(t) · 3/1000: 5.6 for t ≤ 0.30, 6.1 for 0.30 < t ≤ 0.60, 3.5 for 0.60 < t ≤ 0.80, 0 above.
        var curve = DecisionValuation.Curve(Costs, Prices, Scores, Probabilities, [0.2, 0.3, 0.31, 0.6, 0.61, 0.8, 0.81]);
        Assert.Equal(new[] { 5.6, 5.6, 6.1, 6.1, 3.5, 3.5, 0 }.Select(v => v * 1000 / 3), curve, new Tolerance(1e-9));

        var advice = DecisionValuation.Advise(Costs, Prices, Scores, Probabilities, Prices, Scores, Probabilities, currentThreshold: 0.7);
        Assert.Equal(0.31, advice.BatchBestThreshold);
        Assert.Equal(0.31, advice.ReferenceBestThreshold);
        Assert.Equal(3500.0 / 3, advice.ValuePer1000AtCurrent, 9);
        Assert.Equal(2600.0 / 3, advice.SavingPer1000, 9);
        Assert.Equal(0, advice.BatchSpecificSavingPer1000, 9);
        Assert.Equal("lowering the threshold from 0.70 to 0.31 for this batch would save about EUR 867 per 1,000 orders", advice.Sentence);

        // At a threshold already on the best plateau the tie keeps it.
        var keep = DecisionValuation.Advise(Costs, Prices, Scores, Probabilities, Prices, Scores, Probabilities, currentThreshold: 0.5);
        Assert.Equal(0.5, keep.BatchBestThreshold);
        Assert.Equal(0, keep.SavingPer1000);
        Assert.Contains("already about the best", keep.Sentence);
    }

    [Fact]
    public void Realized_cost_per_order_of_labelled_orders()
    {
        var table = OrderTable.FromRows("t", [
            new Order(100, 1, 4, 2, 0, 0, 5, "Clothing", "M", true),
            new Order(20, 1, 4, 2, 0, 0, 5, "Beauty", "NA", false),
            new Order(0, 1, 4, 2, 0, 0, 5, "Beauty", "NA", true),
        ]);
        Assert.Equal((18 + 8) / 3.0, MoneyEstimator.RealizedCostPerOrder(Costs, table), 12);
    }

    [Fact]
    public void On_perfectly_calibrated_probabilities_the_95_percent_band_covers_the_realized_cost_about_95_percent_of_the_time()
    {
        var random = new RandomSource(7);
        var n = 1000;
        var prices = Enumerable.Range(0, n).Select(_ => Math.Round(60 * Math.Exp(0.6 * random.Normal()))).ToArray();
        var probabilities = Enumerable.Range(0, n).Select(_ => 0.02 + 0.5 * random.NextDouble()).ToArray();
        var covered = 0;
        const int batches = 1000;
        var labels = new bool[n];
        for (var b = 0; b < batches; b++)
        {
            for (var i = 0; i < n; i++)
            {
                labels[i] = random.Bernoulli(probabilities[i]);
            }

            covered += MoneyEstimator.ReturnCost(CostModel.Default, prices, probabilities, null, labels, 0).Covers == true ? 1 : 0;
        }

        // 95% nominal; binomial SD over 1,000 batches ≈ 0.7 points.
        Assert.InRange(covered / (double)batches, 0.93, 0.97);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double value) => 0;
    }
}
