using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Model-aware monitoring: realized and estimated performance, prediction drift and multivariate drift of a batch.
/// Fitted once from the model's held-out test split (calibration, reference scores and metrics, thresholds) and a
/// sample of the reference orders (for the domain classifier); stored next to the model as <c>monitoring.json</c> and
/// <c>reference-sample.csv</c>.
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

    private ModelMonitor(ReturnModel model, bool[] labels, double[] scores, CalibrationSelection calibration, OrderTable? referenceSample, OrderTable? heldOut)
    {
        Model = model;
        HeldOut = heldOut;
        heldOutLabels = labels;
        heldOutScores = scores;
        Calibration = calibration;
        ReferenceSample = referenceSample;
        Reference = ClassificationMetrics.Compute(labels, scores);
    }

    /// <summary>The monitored model.</summary>
    public ReturnModel Model { get; }

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
        return new ModelMonitor(model, labels, scores, CalibrationSelection.Choose(labels, scores), reference is null ? null : OrderSampling.Sample(reference, SampleSize, new RandomSource(RandomSource.DeriveSeed(42, "reference-sample"))), heldOut)
        {
            ReferenceReturns = reference is { HasTarget: true, Count: > 0 } ? ReferenceReturns.Of(reference, priceFeature) : null,
            PriceFeature = priceFeature,
        };
    }

    /// <summary>The model sections of a batch's check (labelled or not); <see cref="BatchMonitor"/> is the public entry.</summary>
    /// <param name="batch">The orders.</param>
    /// <param name="multivariate">Whether to run the domain classifier (a few seconds).</param>
    internal ModelCheck Check(OrderTable batch, bool multivariate = true)
    {
        if (batch.Count == 0)
        {
            throw new ArgumentException($"{batch.Source} has no orders: nothing to check");
        }

        var scores = Model.PredictProbabilities(batch);
        var probabilities = Calibration.Calibrator.Apply(scores);
        var estimated = PerformanceEstimator.Estimate(scores, probabilities);
        var thresholds = PerformanceEstimator.Thresholds(heldOutLabels, heldOutScores, batch.Count);
        ClassificationMetrics? realized = null;
        ReliabilityCurve? reliability = null;
        if (batch.HasTarget)
        {
            realized = ClassificationMetrics.Compute(batch.Returned, scores);
            reliability = ReliabilityCurve.Compute(batch.Returned, probabilities);
        }

        var prediction = PredictionDrift.Compare(heldOutScores, scores);
        var domain = multivariate && ReferenceSample is not null ? DomainClassifier.Compare(ReferenceSample, batch) : null;
        return new ModelCheck(Reference, realized, reliability, estimated, thresholds, Calibration, prediction, domain, scores, probabilities);
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

        return new ModelMonitor(model, labels.Select(l => l == 1).ToArray(), scores, selection, sample, HeldOutOrders.Load(directory, model.Features)) { ReferenceReturns = returns, PriceFeature = priceFeature };
    }
}
