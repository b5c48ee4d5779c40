using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;
using ReturnMonitor.Modeling.Scoring;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Model-aware monitoring: realized and estimated performance, prediction drift and multivariate drift of a batch.
/// Fitted once from the model's held-out test split (calibration, reference scores and metrics, thresholds) and a
/// sample of the reference orders (for the domain classifier); stored next to the model as <c>monitoring.json</c> and
/// <c>reference-sample.csv</c>. The scores come from an <see cref="IScoreSource"/>: our model (a model folder), or a
/// model trained elsewhere — its score column or its ONNX export — with a labelled, scored reference file in the role of
/// the held-out orders (<see cref="FromScores"/>).
/// </summary>
public sealed class ModelMonitor
{
    /// <summary>File with the calibration and the held-out scores.</summary>
    public const string FileName = "monitoring.json";

    /// <summary>File with the reference sample for the domain classifier.</summary>
    public const string SampleFileName = "reference-sample.csv";

    /// <summary>Most reference orders kept for the domain classifier.</summary>
    public const int SampleSize = 5000;

    private readonly bool[] heldOutLabels;
    private readonly double[] heldOutScores;

    private ModelMonitor(IScoreSource source, ReturnModel? model, bool[] labels, double[] scores, CalibrationSelection calibration, OrderTable? referenceSample, OrderTable? heldOut)
    {
        ScoreSource = source;
        Model = model;
        HeldOut = heldOut;
        heldOutLabels = labels;
        heldOutScores = scores;
        Calibration = calibration;
        ReferenceSample = referenceSample;
        DecisionThreshold = source.Threshold;
        Reference = ClassificationMetrics.Compute(labels, scores, DecisionThreshold);
        ScoreCalibration = ScoreCalibration.Measure(labels, scores, calibration);
    }

    /// <summary>The monitored model when it is ours (a model folder); null when the scores come from a model trained elsewhere.</summary>
    public ReturnModel? Model { get; }

    /// <summary>Where the scores of the held-out orders and of every batch come from.</summary>
    public IScoreSource ScoreSource { get; }

    /// <summary>The score from which an order is predicted returned: the threshold of every metric, estimate and money figure.</summary>
    public double DecisionThreshold { get; }

    /// <summary>The calibration measured on the held-out orders: reliability diagram and ECE before and after the fitted calibration.</summary>
    public ScoreCalibration ScoreCalibration { get; }

    /// <summary>The held-out orders' scores, in <see cref="HeldOut"/>'s order when it is known.</summary>
    internal double[] HeldOutScores => heldOutScores;

    /// <summary>The chosen calibration.</summary>
    public CalibrationSelection Calibration { get; }

    /// <summary>Reference orders for the domain classifier, or null.</summary>
    public OrderTable? ReferenceSample { get; }

    /// <summary>
    /// The labelled held-out orders themselves (the test split; <c>held-out.csv</c>), which the reliability check, the
    /// importance-weighted estimate and the threshold advice reweight; null for folders written before it was kept.
    /// </summary>
    public OrderTable? HeldOut { get; }

    /// <summary>Metrics on the held-out orders.</summary>
    public ClassificationMetrics Reference { get; }

    /// <summary>
    /// The whole labelled reference's returns, for the money's baseline cost; null for folders written before it was
    /// kept (the money then falls back to the reference sample).
    /// </summary>
    public ReferenceReturns? ReferenceReturns { get; init; }

    /// <summary>
    /// The feature with the meaning <c>price</c> the money reads (from the folder's <c>schema.json</c>), or null for a
    /// flat cost per return; the demo's price by default.
    /// </summary>
    public string? PriceFeature { get; init; } = DemoSchema.PriceFeature;

    /// <summary>The domain classifier used by the model checks.</summary>
    public DomainClassifier DomainClassifier { get; init; } = new();

    /// <summary>Fits the monitor from the held-out test split and (optionally) the reference orders.</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="heldOut">The labelled test split.</param>
    /// <param name="reference">The whole labelled reference, or null.</param>
    /// <param name="priceFeature">The feature with the meaning <c>price</c>, or null for a flat cost per return.</param>
    public static ModelMonitor Fit(ReturnModel model, OrderTable heldOut, OrderTable? reference, string? priceFeature = DemoSchema.PriceFeature)
    {
        var labels = heldOut.Returned.ToArray();
        var scores = model.PredictProbabilities(heldOut);
        return new ModelMonitor(new ModelScoreSource(model), model, labels, scores, CalibrationSelection.Choose(labels, scores), reference is null ? null : OrderSampling.Sample(reference, SampleSize, new RandomSource(RandomSource.DeriveSeed(42, "reference-sample"))), heldOut)
        {
            ReferenceReturns = reference is { HasTarget: true, Count: > 0 } ? ReferenceReturns.Of(reference, priceFeature) : null,
            PriceFeature = priceFeature,
        };
    }

    /// <summary>
    /// A monitor for a model trained elsewhere: <paramref name="reference"/> is a labelled file the model scored but was
    /// not trained on (its validation or test output), in the role of the held-out orders — the yardstick metrics, the
    /// calibration, the thresholds, the reliability check and the money's baseline all come from it, as they come from
    /// the test split of a model folder.
    /// </summary>
    /// <param name="source">Where the scores come from (a score column, an ONNX model).</param>
    /// <param name="reference">The labelled reference orders.</param>
    /// <param name="referenceFile">The file they were read from (a score column is read from it); null for a table in memory.</param>
    /// <param name="priceFeature">The numeric feature with the meaning <c>price</c> (the money's cost of a return); null: a flat cost per return.</param>
    /// <exception cref="ArgumentException">The reference is unlabelled, or has fewer than 5 returned or 5 kept orders (the calibration's folds).</exception>
    /// <exception cref="DataFormatException">A score is missing or invalid (file, line and column named).</exception>
    public static ModelMonitor FromScores(IScoreSource source, OrderTable reference, string? referenceFile, string? priceFeature = DemoSchema.PriceFeature)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!reference.HasTarget || reference.Count == 0)
        {
            throw new ArgumentException($"{reference.Source}: the reference for {source.Description} must be labelled orders with the model's scores (its validation or test output, with the target column)");
        }

        var scores = source.Score(reference, referenceFile);
        var labels = reference.Returned.ToArray();
        var sample = OrderSampling.Sample(reference, SampleSize, new RandomSource(RandomSource.DeriveSeed(42, "reference-sample")));
        return new ModelMonitor(source, null, labels, scores, CalibrationSelection.Choose(labels, scores), sample, reference)
        {
            ReferenceReturns = ReferenceReturns.Of(reference, priceFeature),
            PriceFeature = priceFeature,
        };
    }

    /// <summary>The model sections of a batch's check (labelled or not); <see cref="BatchMonitor"/> is the public entry.</summary>
    /// <param name="batch">The orders.</param>
    /// <param name="multivariate">Whether to run the domain classifier (a few seconds).</param>
    /// <param name="scores">The batch's scores when the caller has them (<see cref="BatchMonitor"/> asks the source); null to ask <see cref="ScoreSource"/> for the batch's.</param>
    internal ModelCheck Check(OrderTable batch, bool multivariate = true, double[]? scores = null)
    {
        if (batch.Count == 0)
        {
            throw new ArgumentException($"{batch.Source} has no orders: nothing to check");
        }

        var threshold = DecisionThreshold;
        scores ??= ScoreSource.Score(batch, null);
        if (scores.Length != batch.Count)
        {
            throw new ArgumentException($"{batch.Source}: {scores.Length} scores for {batch.Count} orders");
        }

        var probabilities = Calibration.Calibrator.Apply(scores);
        var estimated = PerformanceEstimator.Estimate(scores, probabilities, threshold);
        var thresholds = PerformanceEstimator.Thresholds(heldOutLabels, heldOutScores, batch.Count, threshold: threshold);
        ClassificationMetrics? realized = null;
        ReliabilityCurve? reliability = null;
        if (batch.HasTarget)
        {
            realized = ClassificationMetrics.Compute(batch.Returned, scores, threshold);
            reliability = ReliabilityCurve.Compute(batch.Returned, probabilities);
        }

        var prediction = PredictionDrift.Compare(heldOutScores, scores, threshold);
        var domain = multivariate && ReferenceSample is not null ? DomainClassifier.Compare(ReferenceSample, batch) : null;
        return new ModelCheck(Reference, realized, reliability, estimated, thresholds, Calibration, prediction, domain, scores, probabilities)
        {
            DecisionThreshold = threshold,
            ScoreSource = ScoreSource.Description,
            ScoreCalibration = ScoreCalibration,
        };
    }

    /// <summary>Writes <c>monitoring.json</c>, <c>reference-sample.csv</c> and <c>held-out.csv</c> into the model directory.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var c = Calibration.Calibrator;
        var root = new JsonObject
        {
            ["format"] = "returnmonitor-monitoring",
            ["version"] = 1,
            ["calibration"] = new JsonObject
            {
                ["method"] = c.Method.ToString().ToLowerInvariant(),
                ["plattA"] = c.PlattA,
                ["plattB"] = c.PlattB,
                ["isotonicX"] = new JsonArray(c.IsotonicX.Select(v => (JsonNode?)v).ToArray()),
                ["isotonicY"] = new JsonArray(c.IsotonicY.Select(v => (JsonNode?)v).ToArray()),
                ["folds"] = Calibration.Folds,
                ["crossValidatedEce"] = new JsonObject(Calibration.CrossValidatedEce.Select(p => KeyValuePair.Create(p.Key.ToString().ToLowerInvariant(), (JsonNode?)p.Value))),
                ["eceBefore"] = Calibration.EceBefore,
                ["eceAfter"] = Calibration.EceAfter,
            },
            ["heldOut"] = new JsonObject
            {
                ["labels"] = new JsonArray(heldOutLabels.Select(l => (JsonNode?)(l ? 1 : 0)).ToArray()),
                ["scores"] = new JsonArray(heldOutScores.Select(s => (JsonNode?)s).ToArray()),
            },
        };
        if (ReferenceReturns is { } r)
        {
            root["referenceReturns"] = new JsonObject { ["orders"] = r.Orders, ["returned"] = r.Returned, ["returnedPriceSum"] = r.ReturnedPriceSum };
        }

        File.WriteAllText(Path.Combine(directory, FileName), root.ToJsonString(JsonDefaults.Options) + "\n");
        if (ReferenceSample is not null)
        {
            ModelFolderCsv.Write(ReferenceSample, Path.Combine(directory, SampleFileName));
        }

        if (HeldOut is not null)
        {
            HeldOutOrders.Save(directory, HeldOut);
        }
    }

    /// <summary>
    /// Loads a monitor saved by <see cref="Save"/> for <paramref name="model"/>. A folder without <c>held-out.csv</c>
    /// (written before it was kept) still loads, with <see cref="HeldOut"/> null.
    /// </summary>
    /// <exception cref="DataFormatException">The file is missing or malformed (names the missing or wrong field).</exception>
    /// <param name="directory">The model folder.</param>
    /// <param name="model">The folder's model.</param>
    /// <param name="priceFeature">The feature with the meaning <c>price</c> (from the folder's schema), or null for a flat cost.</param>
    public static ModelMonitor Load(string directory, ReturnModel model, string? priceFeature = DemoSchema.PriceFeature)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found (retrain with 'returnmonitor train' to write it)");
        }

        var file = new MonitoringFileReader(path);
        var root = file.Parse(File.ReadAllText(path));
        var cal = file.Object(root, "calibration");
        var methodName = file.Text(cal, "method");
        if (!Enum.TryParse<CalibrationMethod>(methodName, ignoreCase: true, out var method) || !Enum.IsDefined(method))
        {
            throw file.Error($"unknown calibration method '{methodName}'");
        }

        ProbabilityCalibrator calibrator;
        try
        {
            calibrator = ProbabilityCalibrator.FromParameters(method, file.Number(cal, "plattA"), file.Number(cal, "plattB"), file.Numbers(cal, "isotonicX"), file.Numbers(cal, "isotonicY"));
        }
        catch (ArgumentException e)
        {
            throw file.Error($"invalid calibration: {e.Message}");
        }

        var ece = new Dictionary<CalibrationMethod, double>();
        foreach (var (key, _) in file.Object(cal, "crossValidatedEce"))
        {
            if (!Enum.TryParse<CalibrationMethod>(key, ignoreCase: true, out var candidate) || !Enum.IsDefined(candidate))
            {
                throw file.Error($"unknown calibration method '{key}' in 'crossValidatedEce'");
            }

            ece[candidate] = file.Number(file.Object(cal, "crossValidatedEce"), key);
        }

        var selection = new CalibrationSelection(calibrator, ece, file.Integer(cal, "folds"), file.Number(cal, "eceBefore"), file.Number(cal, "eceAfter"));
        var heldOut = file.Object(root, "heldOut");
        var labels = file.Numbers(heldOut, "labels");
        var scores = file.Numbers(heldOut, "scores");
        if (labels.Length != scores.Length || labels.Length == 0 || labels.Any(l => l is not (0 or 1)))
        {
            throw file.Error($"'heldOut' needs as many labels (0 or 1) as scores, at least one ({labels.Length} labels, {scores.Length} scores)");
        }

        var samplePath = Path.Combine(directory, SampleFileName);
        var sample = File.Exists(samplePath) ? ModelFolderCsv.Read(samplePath, model.Features) : null;
        // Optional: folders written before it was kept have none.
        ReferenceReturns? returns = null;
        if (root.ContainsKey("referenceReturns"))
        {
            var r = file.Object(root, "referenceReturns");
            returns = new ReferenceReturns((long)file.Number(r, "orders"), (long)file.Number(r, "returned"), file.Number(r, "returnedPriceSum"));
            if (returns.Orders < 1 || returns.Returned < 0 || returns.Returned > returns.Orders)
            {
                throw file.Error($"'referenceReturns' needs at least one order and 0 to that many returns ({returns.Orders} orders, {returns.Returned} returned)");
            }
        }

        return new ModelMonitor(new ModelScoreSource(model), model, labels.Select(l => l == 1).ToArray(), scores, selection, sample, HeldOutOrders.Load(directory, model.Features)) { ReferenceReturns = returns, PriceFeature = priceFeature };
    }
}
