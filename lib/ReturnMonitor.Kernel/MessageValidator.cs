using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Kernel;

/// <summary>
/// Checks the JSON types of the header and content fields the kernel reads, before it reads them: a client that
/// sends a number where the protocol says string (or a string where it says boolean) gets an error reply naming the
/// field, and the kernel keeps serving. Unknown fields are ignored, as the protocol asks.
/// </summary>
internal static class MessageValidator
{
    private enum Kind
    {
        String,
        Boolean,
        Integer,
        Object,
    }

    // Header fields of every request (protocol 5.3, "General message format").
    private static readonly (string Name, Kind Kind, bool Required)[] HeaderFields =
    [
        ("msg_type", Kind.String, true),
        ("msg_id", Kind.String, false),
        ("session", Kind.String, false),
        ("username", Kind.String, false),
        ("date", Kind.String, false),
        ("version", Kind.String, false),
    ];

    // Content fields this kernel reads, per request type.
    private static readonly Dictionary<string, (string Name, Kind Kind)[]> ContentFields = new(StringComparer.Ordinal)
    {
        ["execute_request"] =
        [
            ("code", Kind.String), ("silent", Kind.Boolean), ("store_history", Kind.Boolean), ("allow_stdin", Kind.Boolean),
            ("stop_on_error", Kind.Boolean), ("user_expressions", Kind.Object),
        ],
        ["complete_request"] = [("code", Kind.String), ("cursor_pos", Kind.Integer)],
        ["inspect_request"] = [("code", Kind.String), ("cursor_pos", Kind.Integer), ("detail_level", Kind.Integer)],
        ["is_complete_request"] = [("code", Kind.String)],
        ["shutdown_request"] = [("restart", Kind.Boolean)],
        ["comm_info_request"] = [("target_name", Kind.String)],
    };

    /// <summary>What is wrong with the message's field types (one phrase), or null when it can be served.</summary>
    public static string? Problem(JupyterMessage message)
    {
        foreach (var (name, kind, required) in HeaderFields)
        {
            if (Mismatch(message.Header, name, kind, required) is { } problem)
            {
                return "header " + problem;
            }
        }
        if (message.MessageType.Length == 0)
        {
            return "header field 'msg_type' is empty";
        }
        if (ContentFields.TryGetValue(message.MessageType, out var fields))
        {
            foreach (var (name, kind) in fields)
            {
                if (Mismatch(message.Content, name, kind, required: false) is { } problem)
                {
                    return "content " + problem;
                }
            }
        }
        return null;
    }

    private static string? Mismatch(JsonObject parent, string name, Kind kind, bool required)
    {
        if (!parent.TryGetPropertyValue(name, out var node) || node is null)
        {
            // A missing field takes its default; an explicit null only where the field is optional.
            return required ? $"field '{name}' is missing" : null;
        }
        var actual = node.GetValueKind();
        var fits = kind switch
        {
            Kind.String => actual == JsonValueKind.String,
            Kind.Boolean => actual is JsonValueKind.True or JsonValueKind.False,
            Kind.Integer => actual == JsonValueKind.Number && node is JsonValue v && v.TryGetValue<int>(out _),
            Kind.Object => actual == JsonValueKind.Object,
            _ => false,
        };
        return fits ? null : $"field '{name}' must be {Describe(kind)} (got {Describe(actual)})";
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.String => "a string",
        Kind.Boolean => "a boolean",
        Kind.Integer => "an integer",
        _ => "an object",
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
