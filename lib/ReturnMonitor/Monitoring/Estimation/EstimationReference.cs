using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// What label-free estimation with known limits needs from the reference, fitted once per model: the labelled
/// held-out orders (features, labels, scores, calibrated probabilities), bootstrap refits of the calibration, and the
/// reference's per-feature support (a profile's summary). <see cref="Assess"/> then gives each batch its estimates,
/// their reliability and bands that include the calibration's uncertainty.
/// </summary>
public sealed class EstimationReference
{
    /// <summary>Most held-out and batch orders given to the domain classifier (seeded samples beyond).</summary>
    public const int MaxClassifierRows = 5000;

    private readonly bool[] labels;
    private readonly double[] scores;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<double, Dictionary<PerformanceMetric, (double Bias, double Spread)>> outOfBagByThreshold = new();

    private EstimationReference(OrderTable heldOut, double[] scores, ProbabilityCalibrator calibrator, CalibrationBootstrap bootstrap, DatasetSummary support)
    {
        HeldOut = heldOut;
        labels = heldOut.Returned.ToArray();
        this.scores = scores;
        Calibrator = calibrator;
        Probabilities = calibrator.Apply(scores);
        Bootstrap = bootstrap;
        Support = support;
    }

    /// <summary>The labelled held-out orders (at most <see cref="MaxClassifierRows"/>).</summary>
    public OrderTable HeldOut { get; }

    /// <summary>The model's raw scores of the held-out orders.</summary>
    public ReadOnlySpan<double> Scores => scores;

    /// <summary>The held-out orders' labels.</summary>
    public ReadOnlySpan<bool> Labels => labels;

    /// <summary>Calibrated probabilities of the held-out orders.</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <summary>The calibration in use.</summary>
    public ProbabilityCalibrator Calibrator { get; }

    /// <summary>The calibration refitted on bootstrap resamples of the held-out orders.</summary>
    public CalibrationBootstrap Bootstrap { get; }

    /// <summary>Summary whose per-feature ranges and categories define the reference support.</summary>
    public DatasetSummary Support { get; }

    /// <summary>The domain classifier that estimates the density ratio (drivers off).</summary>
    public DomainClassifier Classifier { get; init; } = new() { ExplainDrivers = false };

    /// <summary>Fits the reference.</summary>
    /// <param name="model">The monitored model (scores the held-out orders).</param>
    /// <param name="heldOut">Labelled orders the model was not trained on (the test split; see <see cref="HeldOutOrders"/>).</param>
    /// <param name="calibration">The calibration chosen on those orders.</param>
    /// <param name="support">The reference support: <c>ReferenceProfile.Summary</c>, or <see cref="DatasetSummary.Of"/> of the training orders.</param>
    /// <param name="seed">Seed of sampling and bootstrap.</param>
    /// <exception cref="ArgumentException">The held-out orders are unlabelled or empty.</exception>
    public static EstimationReference Fit(ReturnModel model, OrderTable heldOut, CalibrationSelection calibration, DatasetSummary support, ulong seed = 42)
    {
        if (!heldOut.HasTarget || heldOut.Count == 0)
        {
            throw new ArgumentException($"{heldOut.Source}: estimation needs labelled held-out orders");
        }

        var sample = OrderSampling.Sample(heldOut, MaxClassifierRows, new RandomSource(RandomSource.DeriveSeed(seed, "held-out-sample")));
        return FromSample(sample, model.PredictProbabilities(sample), calibration, support, seed);
    }

    /// <summary>
    /// Fits the reference from held-out orders whose scores are already known (a score column or an ONNX model scored
    /// them): the same sample of at most <see cref="MaxClassifierRows"/> orders, with their scores.
    /// </summary>
    /// <param name="heldOut">Labelled orders the model was not trained on.</param>
    /// <param name="heldOutScores">The model's score of each of them, in table order.</param>
    /// <param name="calibration">The calibration chosen on those orders.</param>
    /// <param name="support">The reference support.</param>
    /// <param name="seed">Seed of sampling and bootstrap.</param>
    /// <exception cref="ArgumentException">The held-out orders are unlabelled or empty, or scores and orders differ in number.</exception>
    public static EstimationReference Fit(OrderTable heldOut, double[] heldOutScores, CalibrationSelection calibration, DatasetSummary support, ulong seed = 42)
    {
        if (!heldOut.HasTarget || heldOut.Count == 0 || heldOutScores.Length != heldOut.Count)
        {
            throw new ArgumentException($"{heldOut.Source}: estimation needs labelled held-out orders, one score each");
        }

        if (heldOut.Count <= MaxClassifierRows)
        {
            return FromSample(heldOut, heldOutScores, calibration, support, seed);
        }

        var chosen = OrderSampling.Indices(heldOut.Count, MaxClassifierRows, new RandomSource(RandomSource.DeriveSeed(seed, "held-out-sample")));
        return FromSample(heldOut.Select(chosen, heldOut.Source), chosen.Select(i => heldOutScores[i]).ToArray(), calibration, support, seed);
    }

    // The orders are already the sample (at most MaxClassifierRows), each with its score.
    private static EstimationReference FromSample(OrderTable sample, double[] scores, CalibrationSelection calibration, DatasetSummary support, ulong seed)
    {
        var bootstrap = CalibrationBootstrap.Fit(sample.Returned, scores, calibration.Calibrator.Method, seed: seed);
        return new EstimationReference(sample, scores, calibration.Calibrator, bootstrap, support);
    }

    /// <summary>
    /// A batch's estimates with their limits: the per-feature support check, the domain classifier held-out vs batch
    /// (density ratio → importance weights, their effective sample size, the share of thin-support orders), the
    /// importance-weighted estimate, the calibration bootstrap, then <see cref="ReliabilityRule"/>.
    /// </summary>
    /// <param name="batch">The batch's orders.</param>
    /// <param name="batchScores">The model's raw scores of the batch.</param>
    /// <param name="cbpe">The CBPE estimate of the batch (its bands give the sampling spread; with no simulations it counts as 0).</param>
    /// <param name="threshold">Decision threshold on the score.</param>
    /// <exception cref="ArgumentException">Scores and orders differ in number, or fewer orders than the classifier's folds.</exception>
    public PerformanceAssessment Assess(OrderTable batch, ReadOnlySpan<double> batchScores, EstimatedPerformance cbpe, double threshold = 0.5)
    {
        if (batchScores.Length != batch.Count)
        {
            throw new ArgumentException($"{batch.Count} orders but {batchScores.Length} scores");
        }

        var support = FeatureSupport.Check(Support, batch);
        var classified = OrderSampling.Sample(batch, MaxClassifierRows, new RandomSource(RandomSource.DeriveSeed((ulong)Classifier.Seed, "batch-sample")));
        var domain = Classifier.Probabilities(HeldOut, classified);
        var weights = ImportanceWeights.FromDomainProbabilities(domain.Reference, HeldOut.Count, classified.Count);
        var thin = domain.Current.Count(q => ImportanceWeights.DensityRatio(q, HeldOut.Count, classified.Count) > ReliabilityRule.MaxDensityRatio) / (double)classified.Count;
        var weighted = ImportanceWeightedEstimator.Estimate(labels, scores, weights.Weights.ToArray(), batchScores, threshold);
        var calibrationErrors = CalibrationErrors(batchScores, threshold);
        var outOfBag = outOfBagByThreshold.GetOrAdd(threshold, t => Bootstrap.OutOfBag(t));
        var (reliable, reason, method) = ReliabilityRule.Decide(support, thin, domain.Shifted, weights.EffectiveSampleSize, HeldOut.Count);
        var reliability = new EstimateReliability(reliable, reason, method, support, thin, domain.RocAuc, domain.Threshold, domain.Shifted, weights.EffectiveSampleSize, HeldOut.Count);
        var metrics = PerformanceMetrics.All.ToDictionary(m => m, m =>
        {
            var sampling = cbpe.Bands.TryGetValue(m, out var band) && double.IsFinite(band.StandardError) ? band.StandardError : 0;
            // The reference's own sampling error bounds the calibration term from below (see CalibrationBootstrap.OutOfBag).
            var (bias, referenceError) = outOfBag[m];
            var calibrationError = Math.Max(calibrationErrors[m], referenceError);
            var weightingError = weighted.StandardErrors[m];
            var (value, se) = method == EstimateMethod.Cbpe
                ? (cbpe[m], Hypot(Hypot(sampling, calibrationError), bias))
                : (weighted[m], Hypot(Hypot(sampling, weightingError), bias));
            return new MetricEstimate(m, method, value, Math.Max(0, value - 1.96 * se), Math.Min(1, value + 1.96 * se), se, cbpe[m], weighted[m], sampling, calibrationError, weightingError, bias);
        });
        return new PerformanceAssessment(metrics, reliability, weighted, weights);
    }

    /// <summary>Per metric, the spread of the CBPE estimate over the bootstrap calibrators.</summary>
    private Dictionary<PerformanceMetric, double> CalibrationErrors(ReadOnlySpan<double> batchScores, double threshold)
    {
        var draws = PerformanceMetrics.All.ToDictionary(m => m, _ => new List<double>());
        foreach (var probabilities in Bootstrap.Apply(batchScores))
        {
            var estimate = PerformanceEstimator.Estimate(batchScores, probabilities, threshold, simulations: 0);
            foreach (var metric in PerformanceMetrics.All)
            {
                if (double.IsFinite(estimate[metric]))
                {
                    draws[metric].Add(estimate[metric]);
                }
            }
        }

        return draws.ToDictionary(d => d.Key, d => d.Value.Count > 1 ? ImportanceWeightedEstimator.StandardDeviation(d.Value) : 0);
    }

    private static double Hypot(double a, double b) => Math.Sqrt(a * a + (double.IsFinite(b) ? b * b : 0));
}
