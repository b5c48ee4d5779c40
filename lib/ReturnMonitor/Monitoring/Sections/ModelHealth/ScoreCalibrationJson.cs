using System.Text.Json.Nodes;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;
using ReturnMonitor.Modeling.Scoring;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>
/// The <c>performance.calibration</c> and <c>performance.scores</c> sections of a model check's JSON: the calibration of
/// the scores measured on the reference (held-out) orders — ECE and reliability diagram of the raw scores and of the
/// calibrated probabilities, and the fitted calibration the estimates use — and where the scores came from.
/// Documented in docs/monitoring-your-model.md.
/// </summary>
public static class ScoreCalibrationJson
{
    /// <summary>Adds the sections to a check's <c>performance</c> object.</summary>
    public static void AddTo(JsonObject performance, ModelCheck check)
    {
        performance["scores"] = new JsonObject
        {
            ["source"] = check.ScoreSource,
            ["threshold"] = check.DecisionThreshold,
        };
        if (check.ScoreCalibration is not { } measured)
        {
            return;
        }

        var calibrator = measured.Selection.Calibrator;
        var fitted = new JsonObject
        {
            ["method"] = calibrator.Method.ToString().ToLowerInvariant(),
            ["folds"] = measured.Selection.Folds,
            ["crossValidatedEce"] = new JsonObject(measured.Selection.CrossValidatedEce.Select(p => KeyValuePair.Create(p.Key.ToString().ToLowerInvariant(), N(p.Value)))),
        };
        if (calibrator.Method == CalibrationMethod.Platt)
        {
            fitted["plattA"] = N(calibrator.PlattA);
            fitted["plattB"] = N(calibrator.PlattB);
        }
        else if (calibrator.Method == CalibrationMethod.Isotonic)
        {
            fitted["isotonicSteps"] = calibrator.IsotonicX.Count;
        }

        performance["calibration"] = new JsonObject
        {
            ["referenceOrders"] = measured.Orders,
            ["scores"] = Curve(measured.Scores),
            ["calibrated"] = Curve(measured.Calibrated),
            ["fitted"] = fitted,
        };
    }

    private static JsonObject Curve(ReliabilityCurve curve) => new()
    {
        ["expectedCalibrationError"] = N(curve.ExpectedCalibrationError),
        ["reliability"] = new JsonArray(curve.Bins.Select(b => (JsonNode?)new JsonObject
        {
            ["lower"] = b.Lower,
            ["upper"] = b.Upper,
            ["count"] = b.Count,
            ["meanPredicted"] = N(b.MeanPredicted),
            ["observedRate"] = N(b.ObservedRate),
        }).ToArray()),
    };

    private static JsonNode? N(double value) => JsonNumber.Of(value);
}
