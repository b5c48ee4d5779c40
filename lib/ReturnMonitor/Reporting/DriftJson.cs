using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Json;

namespace ReturnMonitor.Reporting;

/// <summary>
/// The stable JSON form of a <see cref="DriftReport"/> (the <c>drift --format json</c> output), documented field by
/// field in docs/json-reference.md. Numbers that are not finite are written as null.
/// </summary>
public static class DriftJson
{
    /// <summary>The report as a JSON object.</summary>
    public static JsonObject ToNode(DriftReport report)
    {
        var features = new JsonArray();
        foreach (var f in report.Features)
        {
            var node = new JsonObject
            {
                ["name"] = f.Name,
                ["kind"] = f.Kind == FeatureKind.Numeric ? "numeric" : "categorical",
                ["severity"] = Name(f.Severity),
                ["psi"] = Number(f.Psi),
                ["pValue"] = Number(f.PValue),
                ["adjustedPValue"] = Number(f.AdjustedPValue),
            };
            if (f.NotComputable is { } why)
            {
                // Only when it happens, so the JSON of every computable batch (and the demo's) is unchanged.
                node["notComputable"] = why;
            }

            // Every registered statistic writes its own fields, in registration order (StatisticDisplay): no
            // statistic has code here, so a new one reaches the JSON by its registration alone.
            foreach (var statistic in f.Statistics)
            {
                foreach (var field in statistic.Shown.Fields)
                {
                    node[field.Name] = Number(field.Value);
                }
            }

            if (!f.Exact)
            {
                // Written only for sketched features, so exact reports keep their layout byte for byte.
                node["exact"] = false;
                node["ksErrorBound"] = Number(f.KsErrorBound);
                node["psiShareErrorBound"] = Number(f.PsiShareErrorBound);
                node["inconclusive"] = f.Inconclusive;
            }

            if (f.Kind == FeatureKind.Categorical)
            {
                node["newCategories"] = new JsonArray(f.NewCategories.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
            }

            features.Add(node);
        }

        var root = new JsonObject
        {
            ["reference"] = report.Reference,
            ["current"] = report.Current,
            ["status"] = Name(report.Status),
            ["score"] = Number(report.Score),
            ["rows"] = new JsonObject { ["reference"] = report.ReferenceRows, ["current"] = report.CurrentRows },
            ["counts"] = new JsonObject
            {
                ["severe"] = report.CountWith(DriftSeverity.Severe),
                ["moderate"] = report.CountWith(DriftSeverity.Moderate),
                ["none"] = report.CountWith(DriftSeverity.None),
            },
            ["features"] = features,
        };
        if (report.Target is { } target)
        {
            var t = target.Test;
            root["targetDrift"] = new JsonObject
            {
                ["referenceRate"] = Number(t.ReferenceRate),
                ["currentRate"] = Number(t.CurrentRate),
                ["referenceReturned"] = target.ReferenceReturned,
                ["currentReturned"] = target.CurrentReturned,
                ["difference"] = Number(t.Difference),
                ["differenceCi95"] = new JsonArray(Number(t.DifferenceLower), Number(t.DifferenceUpper)),
                ["zStatistic"] = Number(t.ZStatistic),
                ["pValue"] = Number(t.PValue),
            };
        }

        root["thresholds"] = Thresholds(report.Options);
        return root;
    }

    /// <summary>The decision's thresholds as a JSON object (also written by <c>evaluate</c>).</summary>
    public static JsonObject Thresholds(DriftOptions options) => new()
    {
        ["alpha"] = options.Alpha,
        ["correction"] = options.Correction switch
        {
            PValueCorrection.BenjaminiHochberg => "benjaminiHochberg",
            PValueCorrection.Bonferroni => "bonferroni",
            _ => "none",
        },
        ["moderatePsi"] = options.ModeratePsi,
        ["severePsi"] = options.SeverePsi,
        ["warningScore"] = options.WarningScore,
        ["criticalScore"] = options.CriticalScore,
    };

    /// <summary>The report as indented JSON text ending with a newline.</summary>
    public static string Serialize(DriftReport report) => ToNode(report).ToJsonString(JsonDefaults.Options) + "\n";

    /// <summary>Lower-case name of a severity, as used in JSON and text.</summary>
    public static string Name(DriftSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary>Lower-case name of a status, as used in JSON and text.</summary>
    public static string Name(DriftStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A finite number, or null for NaN, infinities and missing values.</summary>
    public static JsonNode? Number(double? value) => JsonNumber.Of(value);
}
