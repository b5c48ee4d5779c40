using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Notebooks.Ipynb;

/// <summary>
/// An nbformat 4 notebook held as a JSON tree so that everything the runner does not touch
/// (metadata, cell ids, sources, key order, number text) is written back exactly as read.
/// </summary>
public sealed class NotebookDocument
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };

    private NotebookDocument(JsonObject root, string indent, string newline, bool finalNewline)
    {
        Root = root;
        Indent = indent;
        Newline = newline;
        FinalNewline = finalNewline;
        var cells = root["cells"] as JsonArray ?? throw new FormatException("notebook has no \"cells\" array");
        Cells = cells.Select((c, i) => new NotebookCell(c as JsonObject ?? throw new FormatException($"cell {i + 1} is not a JSON object"), i + 1)).ToList();
        foreach (var cell in Cells)
        {
            // Checked here, where a bad notebook is refused as a whole, rather than when the runner reaches the cell.
            if (!IsMultiline(cell.Json["source"]))
            {
                throw new FormatException($"cell {cell.Number}: \"source\" must be a string or a list of strings");
            }
            foreach (var field in new[] { "cell_type", "id" })
            {
                if (cell.Json[field] is { } value && value.GetValueKind() != JsonValueKind.String)
                {
                    throw new FormatException($"cell {cell.Number}: \"{field}\" must be a string");
                }
            }
        }
    }

    private static bool IsMultiline(JsonNode? node) => node switch
    {
        null => true,
        JsonArray arr => arr.All(n => n is null || n.GetValueKind() == JsonValueKind.String),
        _ => node.GetValueKind() == JsonValueKind.String,
    };

    /// <summary>The whole notebook JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>The indent unit detected in the file (VS Code and Jupyter use one space).</summary>
    public string Indent { get; }

    /// <summary>The newline sequence detected in the file.</summary>
    public string Newline { get; }

    /// <summary>Whether the file ended with a newline.</summary>
    public bool FinalNewline { get; }

    /// <summary>The cells, in order; <see cref="NotebookCell.Number"/> is 1-based.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Parses notebook text.</summary>
    public static NotebookDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var node = JsonNode.Parse(text, NodeOptions, DocumentOptions) as JsonObject
            ?? throw new FormatException("notebook JSON is not an object");
        var nbformat = node["nbformat"];
        if (nbformat is not null && nbformat.GetValueKind() == JsonValueKind.Number && nbformat.GetValue<int>() != 4)
        {
            throw new FormatException($"unsupported nbformat {nbformat.ToJsonString()} (only nbformat 4 is supported)");
        }
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return new NotebookDocument(node, DetectIndent(text, newline), newline, text.EndsWith('\n'));
    }

    /// <summary>Reads a notebook file (UTF-8).</summary>
    public static NotebookDocument Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Serializes the notebook in the detected layout.</summary>
    public string ToText()
    {
        var text = IpynbJsonWriter.Write(Root, Indent, Newline);
        return FinalNewline ? text + Newline : text;
    }

    /// <summary>
    /// Creates a new empty notebook with the metadata VS Code Polyglot Notebooks writes for a C# notebook.
    /// </summary>
    public static NotebookDocument CreatePolyglot()
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject
                {
                    ["display_name"] = ".NET (C#)",
                    ["language"] = "C#",
                    ["name"] = ".net-csharp",
                },
                ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return new NotebookDocument(root, " ", "\n", true);
    }

    /// <summary>Appends a cell (code or markdown) with Polyglot metadata and returns the re-read document.</summary>
    public NotebookDocument WithCell(string cellType, string source, string id)
    {
        var cell = new JsonObject();
        if (cellType == "code")
        {
            cell["cell_type"] = "code";
            cell["execution_count"] = null;
            cell["id"] = id;
            cell["metadata"] = new JsonObject
            {
                ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
                ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            };
            cell["outputs"] = new JsonArray();
        }
        else
        {
            cell["cell_type"] = cellType;
            cell["id"] = id;
            cell["metadata"] = new JsonObject();
        }
        cell["source"] = SourceToJson(source);
        var root = (JsonObject)Root.DeepClone();
        ((JsonArray)root["cells"]!).Add(cell);
        return new NotebookDocument(root, Indent, Newline, FinalNewline);
    }

    /// <summary>Splits text into the nbformat multiline-string list (every line but the last keeps its "\n").</summary>
    public static JsonArray SourceToJson(string text)
    {
        var arr = new JsonArray();
        foreach (var line in SplitLines(text))
        {
            arr.Add(line);
        }
        return arr;
    }

    /// <summary>Splits text into lines that keep their trailing "\n" (the nbformat convention).</summary>
    public static IReadOnlyList<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return lines;
    }

    /// <summary>Reads an nbformat multiline string (a string or a list of strings).</summary>
    public static string JoinMultiline(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray arr when IsMultiline(arr) => string.Concat(arr.Select(n => n?.GetValue<string>() ?? string.Empty)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new FormatException("expected a string or a list of strings"),
    };

    private static string DetectIndent(string text, string newline)
    {
        var first = text.IndexOf(newline, StringComparison.Ordinal);
        if (first < 0)
        {
            return " ";
        }
        var i = first + newline.Length;
        var j = i;
        while (j < text.Length && (text[j] == ' ' || text[j] == '\t'))
        {
            j++;
        }
        return j > i ? text[i..j] : " ";
    }

    /// <summary>Inserts or replaces a property, keeping existing position or inserting in sorted (ordinal) order.</summary>
    internal static void SetSorted(JsonObject obj, string key, JsonNode? value)
    {
        if (obj.ContainsKey(key))
        {
            obj[key] = value;
            return;
        }
        var entries = obj.ToList();
        obj.Clear();
        var inserted = false;
        foreach (var (k, v) in entries)
        {
            if (!inserted && string.CompareOrdinal(key, k) < 0)
            {
                obj[key] = value;
                inserted = true;
            }
            obj[k] = v;
        }
        if (!inserted)
        {
            obj[key] = value;
        }
    }
}

/// <summary>One cell of a <see cref="NotebookDocument"/>.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int number)
    {
        Json = json;
        Number = number;
    }

    /// <summary>The cell's JSON object (live: changes are written back).</summary>
    public JsonObject Json { get; }

    /// <summary>1-based position among all cells of the notebook.</summary>
    public int Number { get; }

    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType => Json["cell_type"]?.GetValue<string>() ?? "code";

    /// <summary>The cell id, if any.</summary>
    public string? Id => Json["id"]?.GetValue<string>();

    /// <summary>The joined source text.</summary>
    public string Source => NotebookDocument.JoinMultiline(Json["source"]);

    /// <summary>
    /// The kernel this cell runs in: <c>metadata.polyglot_notebook.kernelName</c>, else
    /// <c>metadata.dotnet_interactive.language</c>, else "csharp".
    /// </summary>
    public string KernelName =>
        Text(((Json["metadata"] as JsonObject)?["polyglot_notebook"] as JsonObject)?["kernelName"])
        ?? Text(((Json["metadata"] as JsonObject)?["dotnet_interactive"] as JsonObject)?["language"])
        ?? "csharp";

    /// <summary>The outputs array (code cells), or null.</summary>
    public JsonArray? Outputs => Json["outputs"] as JsonArray;

    /// <summary>The execution count, or null.</summary>
    public int? ExecutionCount => Json["execution_count"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : null;

    // Metadata is free-form: a value of another JSON type counts as absent.
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Replaces outputs and execution count (code cells).</summary>
    public void SetOutputs(JsonArray outputs, int? executionCount)
    {
        NotebookDocument.SetSorted(Json, "execution_count", executionCount is null ? null : JsonValue.Create(executionCount.Value));
        NotebookDocument.SetSorted(Json, "outputs", outputs);
    }
}
