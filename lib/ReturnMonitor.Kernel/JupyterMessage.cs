using System.Text.Json.Nodes;

namespace ReturnMonitor.Kernel;

/// <summary>
/// One Jupyter message (protocol 5.x): the routing identities it came with, and its four JSON parts.
/// </summary>
/// <param name="Identities">ZeroMQ routing frames (replies on ROUTER sockets go back to them).</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this message answers (empty object for none).</param>
/// <param name="Metadata">Message metadata.</param>
/// <param name="Content">The message body.</param>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata, JsonObject Content)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The header's <c>msg_type</c> (empty when missing or not a string).</summary>
    public string MessageType => Text(Header["msg_type"]) ?? string.Empty;

    /// <summary>The header's <c>session</c> (empty when missing or not a string).</summary>
    public string Session => Text(Header["session"]) ?? string.Empty;

    /// <summary>The reply type of this request: <c>X_reply</c> for <c>X_request</c>, <c>error_reply</c> when the type is unusable.</summary>
    public string ReplyType => MessageType.EndsWith("_request", StringComparison.Ordinal) && MessageType.Length > "_request".Length
        ? MessageType[..^"_request".Length] + "_reply"
        : "error_reply";

    /// <summary>A JSON string's value; null when the node is missing or of another JSON type (never throws).</summary>
    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>A new message of <paramref name="messageType"/> answering (or caused by) <paramref name="parent"/>.</summary>
    public static JupyterMessage Create(string messageType, JsonObject content, JupyterMessage? parent, string session)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = Text(parent?.Header["username"]) ?? "kernel",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["msg_type"] = messageType,
            ["version"] = ProtocolVersion,
        };
        var parentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone();
        return new JupyterMessage(parent?.Identities ?? [], header, parentHeader, new JsonObject(), content);
    }
}
