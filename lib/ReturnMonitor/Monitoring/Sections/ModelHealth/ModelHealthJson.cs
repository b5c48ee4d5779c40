using System.Text.Json.Nodes;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>
/// The model-aware sections of <c>drift --model DIR --format json</c>: <c>performance</c> (reference, realized,
/// estimated, and when assessed the chosen estimates and their reliability), <c>predictionDrift</c> and
/// <c>multivariate</c>; documented field by field in docs/model-aware-monitoring.md.
/// </summary>
public static class ModelHealthJson
{
    /// <summary>Adds the sections to a drift report's JSON object.</summary>
    public static JsonObject AddTo(JsonObject root, ModelCheck check)
    {
        if (check.Warnings.Count > 0)
        {
            // Only for a model that is no use, so a useful model's document (and the demo's) is unchanged.
            root["warnings"] = new JsonArray(check.Warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
        }

        var estimated = Metrics(check.Estimated.Values);
        estimated["confusionMatrix"] = new JsonObject
        {
            ["trueNegatives"] = N(check.Estimated.Confusion.TrueNegatives),
            ["falsePositives"] = N(check.Estimated.Confusion.FalsePositives),
            ["falseNegatives"] = N(check.Estimated.Confusion.FalseNegatives),
            ["truePositives"] = N(check.Estimated.Confusion.TruePositives),
        };
        estimated["expectedReturnRate"] = N(check.Estimated.ExpectedReturnRate);
        estimated["band"] = new JsonObject(PerformanceMetrics.All.Select(m => KeyValuePair.Create(m.JsonName(), (JsonNode?)new JsonObject
        {
            ["lower"] = N(check.Estimated.Bands[m].Lower),
            ["upper"] = N(check.Estimated.Bands[m].Upper),
            ["standardError"] = N(check.Estimated.Bands[m].StandardError),
        })));
        estimated["calibration"] = new JsonObject
        {
            ["method"] = check.Calibration.Calibrator.Method.ToString().ToLowerInvariant(),
            ["crossValidatedEce"] = new JsonObject(check.Calibration.CrossValidatedEce.Select(p => KeyValuePair.Create(p.Key.ToString().ToLowerInvariant(), N(p.Value)))),
        };
        var performance = new JsonObject
        {
            ["reference"] = Realized(check.Reference, null),
            ["realized"] = check.Realized is { } r ? Realized(r, check.RealizedCalibration) : null,
            ["estimated"] = estimated,
            ["thresholds"] = new JsonObject(PerformanceMetrics.All.Select(m => KeyValuePair.Create(m.JsonName(), (JsonNode?)new JsonObject
            {
                ["lower"] = N(check.Thresholds[m].Lower),
                ["upper"] = N(check.Thresholds[m].Upper),
                ["mean"] = N(check.Thresholds[m].Mean),
                ["standardDeviation"] = N(check.Thresholds[m].StandardDeviation),
                ["chunkSize"] = check.Thresholds[m].ChunkSize,
                ["chunks"] = check.Thresholds[m].Chunks,
                ["bootstrap"] = check.Thresholds[m].Bootstrap,
            }))),
            ["alerts"] = new JsonArray(check.Alerts.Select(a => (JsonNode?)a).ToArray()),
        };
        if (check.Assessment is { } assessment)
        {
            // Next to the plain CBPE numbers (kept as they were): the chosen estimate per metric and whether to trust it.
            performance["assessed"] = AssessmentJson.Assessed(assessment);
            performance["reliability"] = AssessmentJson.Reliability(assessment.Reliability);
        }
        else if (check.AssessmentSkipped is { } skipped)
        {
            performance["reliabilitySkipped"] = skipped;
        }

        ScoreCalibrationJson.AddTo(performance, check);
        root["performance"] = performance;
        var p = check.Prediction;
        root["predictionDrift"] = new JsonObject
        {
            ["drifted"] = p.Drifted,
            ["referenceMeanScore"] = N(p.ReferenceMeanScore),
            ["currentMeanScore"] = N(p.CurrentMeanScore),
            ["ksStatistic"] = N(p.KsStatistic),
            ["ksPValue"] = N(p.KsPValue),
            ["psi"] = N(p.Psi),
            ["referencePredictedReturnRate"] = N(p.PredictedReturnRate.ReferenceRate),
            ["currentPredictedReturnRate"] = N(p.PredictedReturnRate.CurrentRate),
            ["predictedReturnRatePValue"] = N(p.PredictedReturnRate.PValue),
        };
        if (check.Multivariate is { } mv)
        {
            root["multivariate"] = new JsonObject
            {
                ["method"] = "domainClassifier",
                ["drifted"] = mv.Drifted,
                ["rocAuc"] = N(mv.RocAuc),
                ["threshold"] = N(mv.Threshold),
                ["standardError"] = N(mv.StandardError),
                ["referenceRows"] = mv.ReferenceRows,
                ["currentRows"] = mv.CurrentRows,
                ["folds"] = mv.Folds,
                ["drivers"] = new JsonArray(mv.Drivers.Select(d => (JsonNode?)new JsonObject { ["feature"] = d.Feature, ["rocAucDrop"] = N(d.RocAucDrop) }).ToArray()),
            };
        }

        return root;
    }

    private static JsonObject Realized(ClassificationMetrics m, ReliabilityCurve? reliability)
    {
        var node = Metrics(PerformanceMetrics.All.ToDictionary(x => x, x => x.Of(m)));
        node["count"] = m.Count;
        node["confusionMatrix"] = new JsonObject
        {
            ["trueNegatives"] = m.Confusion.TrueNegatives,
            ["falsePositives"] = m.Confusion.FalsePositives,
            ["falseNegatives"] = m.Confusion.FalseNegatives,
            ["truePositives"] = m.Confusion.TruePositives,
        };
        if (reliability is not null)
        {
            node["expectedCalibrationError"] = N(reliability.ExpectedCalibrationError);
            node["reliability"] = new JsonArray(reliability.Bins.Select(b => (JsonNode?)new JsonObject
            {
                ["lower"] = b.Lower,
                ["upper"] = b.Upper,
                ["count"] = b.Count,
                ["meanPredicted"] = N(b.MeanPredicted),
                ["observedRate"] = N(b.ObservedRate),
            }).ToArray());
        }

        return node;
    }

    private static JsonObject Metrics(IReadOnlyDictionary<PerformanceMetric, double> values) =>
        new(PerformanceMetrics.All.Select(m => KeyValuePair.Create(m.JsonName(), N(values[m]))));

    private static JsonNode? N(double value) => JsonNumber.Of(value);
}
