using System.Text.Json.Nodes;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Json;

namespace ReturnMonitor.Reporting;

/// <summary>The stable JSON form of an <see cref="EvaluationReport"/> (<c>evaluate --format json</c>), documented in docs/evaluation.md.</summary>
public static class EvaluationJson
{
    /// <summary>The report as a JSON object.</summary>
    public static JsonObject ToNode(EvaluationReport report)
    {
        var options = report.Options;
        return new JsonObject
        {
            ["trials"] = options.Trials,
            ["driftTrials"] = options.DriftTrials,
            ["sizes"] = new JsonArray(options.BatchSizes.Select(s => (JsonNode?)s).ToArray()),
            ["referenceSize"] = options.ReferenceSize,
            ["seed"] = options.Seed,
            ["estimateTrials"] = options.EstimateTrials,
            ["estimateReferences"] = options.EstimateReferences,
            ["thresholds"] = DriftJson.Thresholds(options.DriftThresholds),
            ["falsePositiveRate"] = Array(report.FalsePositiveRates, a => Rate(a.Alarms, new JsonObject { ["size"] = a.Size })),
            ["detectionRate"] = Array(report.Alarms.Where(a => !a.IsNull), a =>
            {
                var node = Rate(a.Alarms, new JsonObject { ["scenario"] = a.Scenario, ["magnitude"] = a.Magnitude, ["size"] = a.Size });
                node["criticalRate"] = DriftJson.Number(a.Critical.Rate);
                return node;
            }),
            ["featureFalsePositiveRate"] = Array(report.Flags.Where(f => report.FalsePositiveRates.Any(a => a.Scenario == f.Scenario)), f =>
                Rate(f.Flags, new JsonObject { ["feature"] = f.Feature, ["size"] = f.Size })),
            ["featureFlagRate"] = Array(report.Flags, f => Rate(f.Flags, new JsonObject { ["scenario"] = f.Scenario, ["feature"] = f.Feature, ["size"] = f.Size })),
            ["featureAccuracy"] = Array(report.FeatureAccuracy, f => new JsonObject
            {
                ["feature"] = f.Feature,
                ["size"] = f.Size,
                ["precision"] = DriftJson.Number(f.Precision),
                ["recall"] = DriftJson.Number(f.Recall),
                ["truePositives"] = f.TruePositives,
                ["falsePositives"] = f.FalsePositives,
                ["falseNegatives"] = f.FalseNegatives,
            }),
            ["groundTruth"] = Array(report.Truth, t => new JsonObject
            {
                ["scenario"] = t.Scenario,
                ["feature"] = t.Feature,
                ["populationPsi"] = DriftJson.Number(t.PopulationPsi),
                ["shifted"] = t.Shifted,
                ["unchanged"] = t.Unchanged,
            }),
            ["performanceEstimation"] = Array(report.Performance, p => new JsonObject
            {
                ["scenario"] = p.Scenario,
                ["size"] = p.Size,
                ["trials"] = p.Trials,
                ["rocAucMae"] = DriftJson.Number(p.RocAucMae),
                ["accuracyMae"] = DriftJson.Number(p.AccuracyMae),
                ["accuracyBias"] = DriftJson.Number(p.AccuracyBias),
                ["meanRealizedAccuracy"] = DriftJson.Number(p.MeanRealizedAccuracy),
            }),
            ["multivariate"] = Array(report.Multivariate, m =>
            {
                var node = Rate(m.Alarms, new JsonObject { ["scenario"] = m.Scenario, ["size"] = m.Size });
                node["perFeatureAlarmRate"] = DriftJson.Number(m.PerFeatureAlarms.Rate);
                node["meanRocAuc"] = DriftJson.Number(m.MeanRocAuc);
                return node;
            }),
            ["estimateQuality"] = Array(report.Estimates, e => new JsonObject
            {
                ["scenario"] = e.Scenario,
                ["size"] = e.Size,
                ["trials"] = e.Trials,
                ["references"] = e.References,
                ["meanRealizedAccuracy"] = DriftJson.Number(e.MeanRealizedAccuracy),
                ["cbpeAccuracyMae"] = DriftJson.Number(e.CbpeAccuracyMae),
                ["importanceWeightedAccuracyMae"] = DriftJson.Number(e.ImportanceWeightedAccuracyMae),
                ["importanceWeightedAccuracyBias"] = DriftJson.Number(e.ImportanceWeightedAccuracyBias),
                ["chosenAccuracyMae"] = DriftJson.Number(e.ChosenAccuracyMae),
                ["reliableAccuracyMae"] = DriftJson.Number(e.ReliableAccuracyMae),
                ["unreliable"] = Rate(e.Unreliable, new JsonObject()),
                ["accuracyCoverage"] = Rate(e.AccuracyCoverage, new JsonObject()),
                ["rocAucCoverage"] = Rate(e.RocAucCoverage, new JsonObject()),
                ["importanceWeightedChosen"] = Rate(e.ImportanceWeightedChosen, new JsonObject()),
                ["meanEffectiveSampleSize"] = DriftJson.Number(e.MeanEffectiveSampleSize),
                ["meanShareOutsideSupport"] = DriftJson.Number(e.MeanShareOutsideSupport),
            }),
            ["costAccuracy"] = Array(report.Costs, c => new JsonObject
            {
                ["scenario"] = c.Scenario,
                ["size"] = c.Size,
                ["trials"] = c.Trials,
                ["currency"] = c.Currency.Length > 0 ? c.Currency : null,
                ["meanExpected"] = DriftJson.Number(c.MeanExpected),
                ["meanRealized"] = DriftJson.Number(c.MeanRealized),
                ["references"] = c.References,
                ["relativeBias"] = DriftJson.Number(c.RelativeBias),
                ["relativeBiasStandardError"] = DriftJson.Number(c.RelativeBiasStandardError),
                ["bandCoverage"] = Rate(c.BandCoverage, new JsonObject()),
                ["importanceWeightedRelativeBias"] = DriftJson.Number(c.ImportanceWeightedRelativeBias),
                ["meanExtraPerOrder"] = DriftJson.Number(c.MeanExtraPerOrder),
                ["meanRealizedExtraPerOrder"] = DriftJson.Number(c.MeanRealizedExtraPerOrder),
                ["meanSavingPer1000"] = DriftJson.Number(c.MeanSavingPer1000),
                ["meanBatchBestThreshold"] = DriftJson.Number(c.MeanBatchBestThreshold),
            }),
            ["dataQuality"] = Array(report.DataQuality, q =>
            {
                var node = Rate(q.Alarms, new JsonObject { ["case"] = q.Case, ["isNull"] = q.IsNull, ["missingShare"] = q.MissingShare, ["size"] = q.Size });
                node["blankedFeature"] = DataQualityEvaluation.BlankedFeature;
                node["blankedFeatureAlarm"] = Rate(q.BlankedFeatureAlarms, new JsonObject());
                return node;
            }),
            ["targets"] = Array(report.Targets, t => new JsonObject
            {
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["met"] = t.Met,
                ["measured"] = t.Measured,
            }),
        };
    }

    /// <summary>The report as indented JSON text ending with a newline.</summary>
    public static string Serialize(EvaluationReport report) => ToNode(report).ToJsonString(JsonDefaults.Options) + "\n";

    private static JsonObject Rate(Proportion proportion, JsonObject node)
    {
        node["rate"] = DriftJson.Number(proportion.Rate);
        node["hits"] = proportion.Hits;
        node["trials"] = proportion.Trials;
        node["ci95"] = new JsonArray(DriftJson.Number(proportion.Lower), DriftJson.Number(proportion.Upper));
        return node;
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> render) => new(items.Select(i => (JsonNode?)render(i)).ToArray());
}
