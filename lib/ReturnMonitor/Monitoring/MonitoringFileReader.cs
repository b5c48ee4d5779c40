using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Reads the fields of <c>monitoring.json</c> with explicit checks, so that a missing field, a field of the wrong
/// type or a document that is not JSON becomes one <see cref="DataFormatException"/> naming the file and the field —
/// never a null dereference caught after the fact.
/// </summary>
internal sealed class MonitoringFileReader(string path)
{
    /// <summary>The document's root object.</summary>
    public JsonObject Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw Error("the document is not a JSON object");
        }
        catch (JsonException e)
        {
            throw Error(e.Message.ReplaceLineEndings(" "));
        }
    }

    /// <summary>A required object field.</summary>
    public JsonObject Object(JsonObject parent, string name) =>
        Field(parent, name) as JsonObject ?? throw Error($"'{name}' must be an object");

    /// <summary>A required string field.</summary>
    public string Text(JsonObject parent, string name) =>
        Field(parent, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Error($"'{name}' must be a string");

    /// <summary>A required finite number.</summary>
    public double Number(JsonObject parent, string name) => Finite(Field(parent, name), name);

    /// <summary>A required integer.</summary>
    public int Integer(JsonObject parent, string name) =>
        Field(parent, name) is JsonValue value && value.TryGetValue<int>(out var number) ? number : throw Error($"'{name}' must be an integer");

    /// <summary>A required array of finite numbers.</summary>
    public double[] Numbers(JsonObject parent, string name) =>
        Field(parent, name) is JsonArray array
            ? array.Select((item, i) => Finite(item, $"{name}[{i}]")).ToArray()
            : throw Error($"'{name}' must be an array of numbers");

    /// <summary>A format error about this file.</summary>
    public DataFormatException Error(string message) => new(path, null, null, $"not a ReturnMonitor monitoring file: {message}");

    private JsonNode Field(JsonObject parent, string name) =>
        parent.TryGetPropertyValue(name, out var node) && node is not null ? node : throw Error($"missing '{name}'");

    private double Finite(JsonNode? node, string name) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) && double.IsFinite(number) ? number : throw Error($"'{name}' must be a finite number");
}
