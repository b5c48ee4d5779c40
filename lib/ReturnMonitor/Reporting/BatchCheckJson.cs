using System.Text.Json.Nodes;
using ReturnMonitor.Json;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Reporting;

/// <summary>
/// The JSON document of one <see cref="BatchCheck"/>: what <c>drift --format json</c> prints (with <c>--model</c>, the
/// same document with the model sections) and what <c>demo</c> writes per batch. Documented field by field in
/// docs/json-reference.md. Each section of the check is written by its own renderer and left out when the check has no such section.
/// </summary>
public static class BatchCheckJson
{
    /// <summary>The check as a JSON object: the drift fields, the registered sections (model health, money, data quality, …), then the findings.</summary>
    public static JsonObject ToNode(BatchCheck check)
    {
        var root = DriftJson.ToNode(check.Drift);
        foreach (var section in check.Sections)
        {
            section.Section.WriteJson(root, section.Value);
        }

        AddFindings(root, check.Recommendation);
        return root;
    }

    /// <summary>The check as indented JSON text ending with a newline.</summary>
    public static string Serialize(BatchCheck check) => ToNode(check).ToJsonString(JsonDefaults.Options) + "\n";

    /// <summary>Adds <c>urgency</c>, <c>findings</c> (most urgent first) and <c>recommendedActions</c>.</summary>
    public static JsonObject AddFindings(JsonObject root, Recommendation recommendation)
    {
        root["urgency"] = Name(recommendation.Urgency);
        root["findings"] = new JsonArray(recommendation.Findings.Select(f => (JsonNode?)new JsonObject
        {
            ["title"] = f.Title,
            ["urgency"] = Name(f.Urgency),
            ["evidence"] = f.Evidence,
            ["actions"] = Strings(f.Actions),
        }).ToArray());
        root["recommendedActions"] = Strings(recommendation.Actions);
        return root;
    }

    /// <summary>Lower-case name of an urgency, as used in JSON, text and the dashboard.</summary>
    public static string Name(Urgency urgency) => urgency.ToString().ToLowerInvariant();

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
