using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring.Estimation;

/// <summary>
/// The calibration bootstrap's out-of-bag bias: the systematic optimism of a calibration fitted on a finite sample,
/// which the spread over replicates does not show and the estimate's band adds.
/// </summary>
public class CalibrationBootstrapTests
{
    /// <summary>Scores that are exactly the return probabilities (perfectly calibrated), many near 0 and 1 as a model's are, and labels drawn from them.</summary>
    private static (bool[] Labels, double[] Scores) Calibrated(int n, ulong seed)
    {
        var random = new RandomSource(seed);
        var scores = new double[n];
        var labels = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            scores[i] = u * u * u; // mass near 0, a tail up to 1: like a return model's scores
            labels[i] = random.Bernoulli(scores[i]);
        }

        return (labels, scores);
    }

    [Fact]
    public void Without_fitting_anything_the_out_of_bag_bias_is_only_noise()
    {
        var (labels, scores) = Calibrated(5000, 1);
        var bias = CalibrationBootstrap.Fit(labels, scores, CalibrationMethod.Identity).OutOfBagBias();

        // Identity "calibration" learns nothing from the resample, so out of bag it is as right as in bag.
        Assert.All(PerformanceMetrics.All, m => Assert.InRange(bias[m], -0.015, 0.015));
    }

    [Fact]
    public void An_isotonic_calibration_on_few_orders_is_optimistic_out_of_sample_and_less_so_on_many()
    {
        var (smallLabels, smallScores) = Calibrated(300, 2);
        var (largeLabels, largeScores) = Calibrated(5000, 3);

        var small = CalibrationBootstrap.Fit(smallLabels, smallScores, CalibrationMethod.Isotonic, replicates: 100).OutOfBagBias();
        var large = CalibrationBootstrap.Fit(largeLabels, largeScores, CalibrationMethod.Isotonic, replicates: 100).OutOfBagBias();

        Assert.True(small[PerformanceMetric.Accuracy] > 0.005, $"300 orders: out-of-bag accuracy bias {small[PerformanceMetric.Accuracy]}");
        Assert.True(large[PerformanceMetric.Accuracy] < small[PerformanceMetric.Accuracy] / 2, $"5,000 orders: {large[PerformanceMetric.Accuracy]} vs 300: {small[PerformanceMetric.Accuracy]}");
    }

    [Theory]
    [InlineData(CalibrationMethod.Identity, 0.8, 1.25)]
    [InlineData(CalibrationMethod.Isotonic, 0.8, 2.0)]
    public void The_references_own_sampling_error_on_accuracy_is_seen_whatever_the_calibration(CalibrationMethod method, double low, double high)
    {
        var (labels, scores) = Calibrated(1000, 4);
        var bootstrap = CalibrationBootstrap.Fit(labels, scores, method, replicates: 200);

        var spread = bootstrap.OutOfBag()[PerformanceMetric.Accuracy].Spread;

        // Independent: 1,000 labelled orders pin the accuracy down to its binomial error, √(mean q(1 − q) / n) with
        // q = P(the decision is right) = s for a score s ≥ 0.5, else 1 − s (the scores are the true probabilities).
        // Identity refits nothing: the spread is that error alone. Isotonic adds its refits' own variation (1.5× here).
        var binomial = Math.Sqrt(scores.Average(s => s * (1 - s)) / scores.Length);
        Assert.InRange(spread / binomial, low, high);
        if (method == CalibrationMethod.Identity)
        {
            // The gap this term closes: an identity calibration has nothing to refit, so the refits' spread is zero.
            Assert.Equal(0, bootstrap.StandardError(scores, p => p.Average()), 1e-12);
        }
    }
}
