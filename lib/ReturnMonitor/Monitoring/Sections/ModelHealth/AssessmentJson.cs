using System.Text.Json.Nodes;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>
/// The label-free estimates' assessment in JSON: the <c>performance.assessed</c> and <c>performance.reliability</c>
/// objects of the model-health section (docs/model-aware-monitoring.md).
/// </summary>
public static class AssessmentJson
{
    /// <summary>The <c>reliability</c> object of the label-free estimates.</summary>
    public static JsonObject Reliability(EstimateReliability r) => new()
    {
        ["reliable"] = r.Reliable,
        ["reason"] = r.Reason,
        ["method"] = Method(r.Method),
        ["shareOutsideSupport"] = N(r.Support.ShareOutside),
        ["outsidePerFeature"] = new JsonObject(r.Support.OutsidePerFeature.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["highDensityRatioShare"] = N(r.HighDensityRatioShare),
        ["domainRocAuc"] = N(r.DomainRocAuc),
        ["domainThreshold"] = N(r.DomainThreshold),
        ["shiftDetected"] = r.ShiftDetected,
        ["effectiveSampleSize"] = N(r.EffectiveSampleSize),
        ["referenceOrders"] = r.ReferenceOrders,
    };

    /// <summary>Per metric: the chosen estimate with its widened band and the parts it is made of.</summary>
    public static JsonObject Assessed(PerformanceAssessment assessment) => new(PerformanceMetrics.All.Select(m =>
    {
        var e = assessment[m];
        return KeyValuePair.Create(m.JsonName(), (JsonNode?)new JsonObject
        {
            ["value"] = N(e.Value),
            ["method"] = Method(e.Method),
            ["lower"] = N(e.Lower),
            ["upper"] = N(e.Upper),
            ["standardError"] = N(e.StandardError),
            ["cbpe"] = N(e.Cbpe),
            ["importanceWeighted"] = N(e.ImportanceWeighted),
            ["samplingStandardError"] = N(e.SamplingStandardError),
            ["calibrationStandardError"] = N(e.CalibrationStandardError),
            ["weightingStandardError"] = N(e.WeightingStandardError),
            ["calibrationBias"] = N(e.CalibrationBias),
        });
    }));

    /// <summary>"cbpe" or "importanceWeighted".</summary>
    public static string Method(EstimateMethod method) => method == EstimateMethod.Cbpe ? "cbpe" : "importanceWeighted";

    private static JsonNode? N(double value) => JsonNumber.Of(value);
}
