using System.Text.Json.Nodes;

namespace ReturnMonitor.Notebooks.Ipynb;

/// <summary>Builds nbformat 4 output objects with keys in sorted order (as VS Code writes them).</summary>
public static class OutputBuilder
{
    /// <summary>A <c>stream</c> output.</summary>
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name,
        ["output_type"] = "stream",
        ["text"] = NotebookDocument.SourceToJson(text),
    };

    /// <summary>
    /// A <c>display_data</c> output. Text mime types are stored as lists of lines; others (base64 images) as one string.
    /// </summary>
    public static JsonObject DisplayData(IEnumerable<KeyValuePair<string, string>> data, JsonObject? metadata = null)
    {
        var dataObj = new JsonObject();
        foreach (var (mime, value) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            dataObj[mime] = IsTextMime(mime) ? NotebookDocument.SourceToJson(value) : JsonValue.Create(value);
        }
        return new JsonObject
        {
            ["data"] = dataObj,
            ["metadata"] = metadata ?? new JsonObject(),
            ["output_type"] = "display_data",
        };
    }

    /// <summary>An <c>error</c> output.</summary>
    public static JsonObject Error(string ename, string evalue, IEnumerable<string> traceback)
    {
        var tb = new JsonArray();
        foreach (var line in traceback)
        {
            tb.Add(line);
        }
        return new JsonObject
        {
            ["ename"] = ename,
            ["evalue"] = evalue,
            ["output_type"] = "error",
            ["traceback"] = tb,
        };
    }

    /// <summary>Whether a mime type is stored as a multiline string.</summary>
    public static bool IsTextMime(string mime) =>
        mime.StartsWith("text/", StringComparison.Ordinal) || mime == "image/svg+xml";
}
