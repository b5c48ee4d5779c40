using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Notebooks.Ipynb;

/// <summary>
/// Writes JSON the way VS Code's ipynb serializer (<c>JSON.stringify(sorted, undefined, indent) + "\n"</c>)
/// and Jupyter (<c>json.dumps(indent=1, ensure_ascii=False)</c>) do: configurable indent, <c>": "</c> separator,
/// non-ASCII characters written literally, <c>[]</c>/<c>{}</c> for empty containers.
/// Object key order is preserved as found (VS Code and Jupyter both write sorted keys, so a file they wrote
/// stays sorted); objects created by the runner are built in sorted order.
/// Numbers read from a file are written with their original text.
/// </summary>
public static class IpynbJsonWriter
{
    /// <summary>Serializes <paramref name="node"/> with the given indent unit and newline.</summary>
    public static string Write(JsonNode? node, string indent = " ", string newline = "\n")
    {
        var sb = new StringBuilder();
        WriteNode(sb, node, indent, newline, 0);
        return sb.ToString();
    }

    private static void WriteNode(StringBuilder sb, JsonNode? node, string indent, string newline, int depth)
    {
        switch (node)
        {
            case null:
                sb.Append("null");
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }
                sb.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    sb.Append(newline);
                    AppendIndent(sb, indent, depth + 1);
                    WriteString(sb, key);
                    sb.Append(": ");
                    WriteNode(sb, value, indent, newline, depth + 1);
                }
                sb.Append(newline);
                AppendIndent(sb, indent, depth);
                sb.Append('}');
                break;
            case JsonArray arr:
                if (arr.Count == 0)
                {
                    sb.Append("[]");
                    break;
                }
                sb.Append('[');
                for (var i = 0; i < arr.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    sb.Append(newline);
                    AppendIndent(sb, indent, depth + 1);
                    WriteNode(sb, arr[i], indent, newline, depth + 1);
                }
                sb.Append(newline);
                AppendIndent(sb, indent, depth);
                sb.Append(']');
                break;
            case JsonValue value:
                WriteValue(sb, value);
                break;
            default:
                throw new InvalidOperationException("Unknown JSON node type " + node.GetType().Name);
        }
    }

    private static void WriteValue(StringBuilder sb, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(sb, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            case JsonValueKind.Null:
                sb.Append("null");
                break;
            case JsonValueKind.Number:
                // Element-backed values keep their original text; CLR numbers are written invariantly.
                sb.Append(value.ToJsonString());
                break;
            default:
                throw new InvalidOperationException("Unsupported JSON value kind " + value.GetValueKind());
        }
    }

    private static void AppendIndent(StringBuilder sb, string indent, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            sb.Append(indent);
        }
    }

    /// <summary>Escapes like ECMAScript's JSON.stringify (well-formed variant).</summary>
    internal static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        AppendUnicodeEscape(sb, c);
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else
                        {
                            AppendUnicodeEscape(sb, c);
                        }
                    }
                    else if (char.IsLowSurrogate(c))
                    {
                        AppendUnicodeEscape(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        sb.Append('"');
    }

    private static void AppendUnicodeEscape(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
