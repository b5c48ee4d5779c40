using System.Text.Json.Nodes;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Json;

namespace ReturnMonitor.Reporting;

/// <summary>The stream evaluation as JSON: calibration, false alarms on clean streams, detection delay per case and detector.</summary>
public static class StreamEvaluationJson
{
    /// <summary>Serializes the report (non-finite numbers — no alarm at all — as null).</summary>
    public static string Serialize(StreamEvaluationReport report)
    {
        var o = report.Options;
        var c = report.Calibration;
        var root = new JsonObject
        {
            ["format"] = "returnmonitor-stream-evaluation",
            ["version"] = 1,
            ["options"] = new JsonObject
            {
                ["batchSize"] = o.BatchSize,
                ["referenceSize"] = o.ReferenceSize,
                ["calibrationReferences"] = o.CalibrationReferences,
                ["calibrationBatches"] = o.CalibrationBatches,
                ["cleanStreams"] = o.CleanStreams,
                ["cleanPeriods"] = o.CleanPeriods,
                ["driftStreams"] = o.DriftStreams,
                ["onset"] = o.Onset,
                ["horizon"] = o.Horizon,
                ["seed"] = o.Seed,
            },
            ["calibration"] = new JsonObject
            {
                ["inControlMean"] = c.InControlMean,
                ["inControlStandardDeviation"] = c.InControlStandardDeviation,
                ["slack"] = c.Slack,
                ["threshold"] = c.Threshold,
                ["targetArl"] = c.TargetArl,
                ["estimatedArl"] = Finite(c.EstimatedArl),
                ["simulatedPeriods"] = c.SimulatedPeriods,
                ["worstReferenceOffset"] = c.WorstReferenceOffset,
            },
            ["clean"] = new JsonObject
            {
                ["periods"] = report.Clean.Periods,
                ["perBatchFalseAlarms"] = report.Clean.PerBatchAlarms,
                ["sequentialFalseAlarms"] = report.Clean.SequentialAlarms,
                ["perBatchMeanTimeBetweenFalseAlarms"] = Finite(report.Clean.PerBatchMeanTimeBetween),
                ["sequentialMeanTimeBetweenFalseAlarms"] = Finite(report.Clean.SequentialMeanTimeBetween),
            },
            ["cases"] = new JsonArray(report.Cases.Select(r => (JsonNode?)new JsonObject
            {
                ["case"] = r.Case,
                ["description"] = r.Description,
                ["perBatch"] = Delay(r.PerBatch),
                ["sequential"] = Delay(r.Sequential),
            }).ToArray()),
        };
        return root.ToJsonString(JsonDefaults.Options) + "\n";
    }

    private static JsonObject Delay(DetectionDelay d) => new()
    {
        ["streams"] = d.Streams,
        ["detected"] = d.Detected,
        ["meanDelay"] = Finite(d.MeanDelay),
        ["medianDelay"] = Finite(d.MedianDelay),
        ["falseAlarmsBeforeOnset"] = d.FalseAlarmsBeforeOnset,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
