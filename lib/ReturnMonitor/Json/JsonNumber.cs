using System.Text.Json.Nodes;

namespace ReturnMonitor.Json;

/// <summary>How a number is written in every JSON document: as is when finite, null otherwise.</summary>
public static class JsonNumber
{
    /// <summary>A finite number, or null for NaN, infinities and missing values.</summary>
    public static JsonNode? Of(double? value) =>
        value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
