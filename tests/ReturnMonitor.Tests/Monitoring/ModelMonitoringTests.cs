using System.Globalization;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Monitoring;

public class ModelMonitoringTests
{
    // 40 scores and labels drawn in Python (numpy default_rng(7)): s = round(U(0,1), 2), y = U(0,1) < s².
    private static readonly double[] Scores = "0.63,0.90,0.78,0.23,0.30,0.87,0.01,0.82,0.80,0.47,0.30,0.28,0.25,0.45,0.50,0.55,1.00,0.79,0.62,0.99,0.22,0.16,0.61,0.04,0.04,0.51,0.47,0.92,0.63,0.51,0.50,0.25,0.01,0.19,0.69,0.20,0.37,0.00,0.83,0.15"
        .Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static readonly bool[] Labels = "1,0,1,0,0,1,0,1,1,0,0,0,1,0,0,1,1,1,0,1,0,0,0,0,0,1,0,1,0,1,0,0,0,0,1,0,0,0,1,0"
        .Split(',').Select(v => v == "1").ToArray();

    [Theory]
    // Expected: pooled z and p = 2·norm.sf(|z|) with scipy 1.10.1; Newcombe hybrid score interval from its definition
    // (Wilson intervals with z = norm.ppf(0.975)), computed in Python 3.11.
    [InlineData(873, 5000, 354, 1000, 12.840001294613902, 9.787283604648633e-38, 0.1484371217379265, 0.21124823015740174)]
    [InlineData(10, 50, 12, 40, 1.0969086361906957, 0.27268133311372733, -0.07668487410714206, 0.27741403397548)]
    [InlineData(0, 20, 3, 25, 1.6035674514745462, 0.10880943004054568, -0.05915689189369622, 0.2995579392092732)]
    public void Two_proportion_test_matches_scipy_and_the_newcombe_interval(long k1, long n1, long k2, long n2, double z, double p, double lower, double upper)
    {
        var result = TwoProportionTest.Compare(k1, n1, k2, n2);
        Assert.Equal(z, result.ZStatistic, 10);
        Assert.True(Math.Abs(result.PValue - p) <= 1e-9 * p + 1e-300, $"p {result.PValue} vs {p}");
        Assert.Equal(lower, result.DifferenceLower, 10);
        Assert.Equal(upper, result.DifferenceUpper, 10);
    }

    [Fact]
    public void Newcombe_interval_reproduces_the_published_example()
    {
        // Newcombe (1998), Statistics in Medicine 17:873, table II, method 10: 56/70 vs 48/80 → difference 0.2, CI 0.0524 to 0.3339.
        var result = TwoProportionTest.Compare(48, 80, 56, 70);
        Assert.Equal(0.2, result.Difference, 12);
        Assert.Equal(0.0524, result.DifferenceLower, 4);
        Assert.Equal(0.3339, result.DifferenceUpper, 4);
    }

    [Fact]
    public void Isotonic_calibration_matches_sklearn()
    {
        // Expected: sklearn 1.2.1 IsotonicRegression(out_of_bounds='clip', y_min=0, y_max=1).fit(s, y).predict(q).
        var calibrator = ProbabilityCalibrator.FitIsotonic(Labels, Scores);
        double[] q = [0.0, 0.05, 0.25, 0.5, 0.62, 0.8, 0.97, 1.0];
        double[] expected = [0.0, 0.0, 0.09090909090909091, 0.09090909090909091, 0.5714285714285714, 0.875, 1.0, 1.0];
        for (var i = 0; i < q.Length; i++)
        {
            Assert.Equal(expected[i], calibrator.Apply(q[i]), 12);
        }
    }

    [Fact]
    public void Platt_scaling_matches_a_scipy_fit_of_the_same_likelihood()
    {
        // Expected: scipy.optimize.minimize(BFGS) of Σ log(1 + e^z) − (1 − t)·z, z = A·logit(clip(s, 1e-4)) + B, Platt's targets.
        var calibrator = ProbabilityCalibrator.FitPlatt(Labels, Scores);
        Assert.Equal(-0.9539733742519417, calibrator.PlattA, 5);
        Assert.Equal(0.5891007777972701, calibrator.PlattB, 5);
    }

    [Fact]
    public void Expected_calibration_error_by_hand()
    {
        // Bins of width 0.5: {0.1, 0.2, 0.3} observed 1/3 vs mean 0.2 → gap 0.1333; {0.9} observed 0 vs 0.9 → gap 0.9.
        // ECE = 3/4·0.13333 + 1/4·0.9 = 0.325.
        var curve = ReliabilityCurve.Compute([true, false, false, false], [0.1, 0.2, 0.3, 0.9], bins: 2);
        Assert.Equal(0.325, curve.ExpectedCalibrationError, 12);
        Assert.Equal(2, curve.Bins.Count);
        Assert.Equal(1.0 / 3, curve.Bins[0].ObservedRate, 12);
    }

    [Fact]
    public void Calibration_repairs_a_miscalibrated_model_and_leaves_a_calibrated_one_alone()
    {
        var (labels, truth) = Draw(4000, seed: 3);
        var miscalibrated = truth.Select(p => p * p * p).ToArray();
        var fit = CalibrationSelection.Choose(labels[..2000], miscalibrated[..2000]);
        var before = ReliabilityCurve.Compute(labels[2000..], miscalibrated[2000..]).ExpectedCalibrationError;
        var after = ReliabilityCurve.Compute(labels[2000..], fit.Calibrator.Apply(miscalibrated[2000..])).ExpectedCalibrationError;

        Assert.NotEqual(CalibrationMethod.Identity, fit.Calibrator.Method);
        Assert.True(after < before / 3, $"ECE before {before:F4}, after {after:F4}");

        var calibrated = CalibrationSelection.Choose(labels[..2000], truth[..2000]);
        Assert.True(calibrated.CrossValidatedEce[CalibrationMethod.Identity] <= calibrated.CrossValidatedEce.Values.Min() + 0.01);
    }

    [Fact]
    public void Cbpe_on_perfectly_calibrated_scores_matches_realized_metrics_within_sampling_error()
    {
        var inside = new Dictionary<PerformanceMetric, int>();
        var meanError = new Dictionary<PerformanceMetric, double>();
        const int batches = 200;
        for (var b = 0; b < batches; b++)
        {
            var (labels, p) = Draw(1000, seed: 100 + (ulong)b);
            var estimate = PerformanceEstimator.Estimate(p, p, simulations: 100, seed: (ulong)b);
            var realized = ClassificationMetrics.Compute(labels, p);
            foreach (var metric in PerformanceMetrics.All)
            {
                var band = estimate.Bands[metric];
                var value = metric.Of(realized);
                inside[metric] = inside.GetValueOrDefault(metric) + (value >= band.Lower && value <= band.Upper ? 1 : 0);
                meanError[metric] = meanError.GetValueOrDefault(metric) + (estimate[metric] - value) / batches;
                Assert.True(Math.Abs(estimate[metric] - value) <= 4 * band.StandardError, $"{metric}: estimate {estimate[metric]:F4}, realized {value:F4}, SE {band.StandardError:F4}");
            }
        }

        foreach (var metric in PerformanceMetrics.All)
        {
            var coverage = inside[metric] / (double)batches;
            Assert.InRange(coverage, 0.90, 0.99);
            Assert.True(Math.Abs(meanError[metric]) < 0.01, $"{metric}: mean error {meanError[metric]:F4}");
        }
    }

    [Fact]
    public void Thresholds_are_mean_plus_minus_three_sd_of_chunk_metrics()
    {
        // 40 orders in 4 chunks of 10 is fewer than ten chunks: bootstrap; 40 chunks of 1 order would be consecutive.
        var thresholds = PerformanceEstimator.Thresholds(Labels, Scores, chunkSize: 10, bootstrapChunks: 50, seed: 1);
        var accuracy = thresholds[PerformanceMetric.Accuracy];
        Assert.True(accuracy.Bootstrap);
        Assert.Equal(50, accuracy.Chunks);
        Assert.Equal(Math.Max(0, accuracy.Mean - 3 * accuracy.StandardDeviation), accuracy.Lower, 12);
        Assert.Equal(thresholds[PerformanceMetric.Accuracy], PerformanceEstimator.Thresholds(Labels, Scores, 10, 50, 1)[PerformanceMetric.Accuracy]);

        var consecutive = PerformanceEstimator.Thresholds(Labels, Scores, chunkSize: 4)[PerformanceMetric.Accuracy];
        Assert.False(consecutive.Bootstrap);
        var chunkAccuracy = Enumerable.Range(0, 10).Select(c => ClassificationMetrics.Compute(Labels[(4 * c)..(4 * c + 4)], Scores[(4 * c)..(4 * c + 4)]).Accuracy).ToArray();
        var mean = chunkAccuracy.Average();
        var sd = Math.Sqrt(chunkAccuracy.Sum(v => (v - mean) * (v - mean)) / 9);
        Assert.Equal(mean, consecutive.Mean, 12);
        Assert.Equal(sd, consecutive.StandardDeviation, 12);
    }

    [Fact]
    public void Joint_shift_keeps_every_marginal_but_couples_discount_and_delivery()
    {
        var baseline = OrderGenerator.Generate(Scenario.Baseline, 200_000, seed: 5);
        var joint = OrderGenerator.Generate(Scenario.JointShift, 200_000, seed: 6);
        var report = ReferenceProfile.Fit(baseline).Compare(DatasetSummary.Of(joint));

        Assert.Equal(DriftStatus.Healthy, report.Status);
        Assert.All(report.Features, f => Assert.True(f.Psi < 0.01 && f.PValue > 1e-4, $"{f.Name}: PSI {f.Psi}, p {f.PValue}"));
        Assert.InRange(Correlation(baseline), -0.02, 0.02);
        Assert.True(Correlation(joint) > 0.5, $"correlation {Correlation(joint)}");
        Assert.Same(Scenario.JointShift, Scenario.Named("joint_shift"));
        Assert.DoesNotContain(Scenario.JointShift, Scenario.All);
    }

    [Fact]
    public void Domain_classifier_is_near_half_on_identical_distributions_and_catches_the_joint_shift()
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 3000, seed: 1);
        var classifier = new DomainClassifier { ExplainDrivers = false };

        var same = classifier.Compare(reference, OrderGenerator.Generate(Scenario.Normal, 3000, seed: 2));
        Assert.False(same.Drifted);
        Assert.True(Math.Abs(same.RocAuc - 0.5) < 4 * same.StandardError, $"AUC {same.RocAuc}, SE {same.StandardError}");

        var joint = new DomainClassifier().Compare(reference, OrderGenerator.Generate(Scenario.JointShift, 3000, seed: 3));
        Assert.True(joint.Drifted, $"AUC {joint.RocAuc}");
        Assert.Equal(
            new[] { OrderSchema.DeliveryTimeDays, OrderSchema.DiscountPercentage },
            joint.Drivers.Take(2).Select(d => d.Feature).Order(StringComparer.Ordinal));
        Assert.Equal(joint.RocAuc, new DomainClassifier().Compare(reference, OrderGenerator.Generate(Scenario.JointShift, 3000, seed: 3)).RocAuc);
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Drift_with_a_model_writes_performance_prediction_target_and_multivariate_sections()
    {
        var directory = CliRunner.TempDirectory();
        Assert.Equal(0, CliRunner.Run("train", "--data", Path.Combine(TestPaths.Data, "train.csv"), "--out", directory).ExitCode);
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Path.Combine(directory, "profile.json"),
            "--current", Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"), "--model", directory, "--format", "json");

        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        var performance = json["performance"]!;
        foreach (var metric in new[] { "rocAuc", "accuracy", "precision", "recall", "f1" })
        {
            Assert.NotNull(performance["realized"]![metric]);
            Assert.NotNull(performance["estimated"]![metric]);
            Assert.NotNull(performance["estimated"]!["band"]![metric]!["lower"]);
            Assert.NotNull(performance["thresholds"]![metric]!["lower"]);
        }

        // The default model's realized ROC-AUC on the demo flash sale (LightGbm default; 0.879 with the former FastForest).
        Assert.Equal(0.882, (double)performance["realized"]!["rocAuc"]!, 3);
        Assert.True((bool)json["predictionDrift"]!["drifted"]!);
        Assert.True((double)json["targetDrift"]!["pValue"]! < 1e-6);
        Assert.True((bool)json["multivariate"]!["drifted"]!);
        Assert.Contains("estimated accuracy", performance["alerts"]!.AsArray().Select(a => (string)a!));
    }

    private static (bool[] Labels, double[] Probabilities) Draw(int n, ulong seed)
    {
        var random = new RandomSource(seed);
        var p = new double[n];
        var labels = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            p[i] = u * u;
            labels[i] = random.Bernoulli(p[i]);
        }

        return (labels, p);
    }

    private static double Correlation(OrderTable table)
    {
        var x = table.Numeric(OrderSchema.DiscountPercentage).ToArray();
        var y = table.Numeric(OrderSchema.DeliveryTimeDays).ToArray();
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
