using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Reads and writes <c>schema.json</c>, a file meant to be edited by hand (format in docs/your-own-orders.md):
/// <code>
/// { "version": 1,
///   "columns": [ { "name": "product_price", "role": "numeric", "meaning": "price", "min": 0 }, … ] }
/// </code>
/// Column properties, always written in this order when present: <c>name</c>, <c>role</c>, <c>meaning</c>,
/// <c>description</c>, <c>min</c>, <c>max</c>, <c>positive</c>, <c>format</c>, <c>maxCategories</c>, <c>categories</c>,
/// <c>reason</c>. Reading allows comments and trailing commas (people edit it) but refuses an unknown property, so a
/// misspelt one is not silently ignored; every error names the file and the property.
/// </summary>
public static class SchemaFile
{
    /// <summary>The file name used in a profile or model folder.</summary>
    public const string FileName = "schema.json";

    private static readonly string[] ColumnProperties =
        ["name", "role", "meaning", "description", "min", "max", "positive", "format", "maxCategories", "categories", "reason"];

    /// <summary>Reads a schema file.</summary>
    /// <exception cref="DataFormatException">Missing, not JSON, or not a valid schema (the message names file and property).</exception>
    public static DatasetSchema Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(path, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses schema JSON; <paramref name="file"/> names the source in errors.</summary>
    /// <exception cref="DataFormatException">Not JSON or not a valid schema.</exception>
    public static DatasetSchema Parse(string json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new DataFormatException(file, e.LineNumber + 1, null, "not valid JSON: " + FirstSentence(e.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            Require(root.ValueKind == JsonValueKind.Object, file, "(top level)", "must be an object with 'version' and 'columns'");
            foreach (var property in root.EnumerateObject())
            {
                Require(property.Name is "version" or "columns", file, property.Name, "unknown property (expected 'version' and 'columns')");
            }

            Require(root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number, file, "version", $"is required: {DatasetSchema.FormatVersion}");
            Require(version.TryGetInt32(out var v) && v == DatasetSchema.FormatVersion, file, "version", $"{version.GetRawText()} is not supported (this program reads version {DatasetSchema.FormatVersion})");
            Require(root.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.Array, file, "columns", "is required: a list of columns");
            var list = new List<SchemaColumn>();
            var index = 0;
            foreach (var column in columns.EnumerateArray())
            {
                list.Add(ReadColumn(column, file, $"columns[{index++}]"));
            }

            try
            {
                return new DatasetSchema(list);
            }
            catch (ArgumentException e)
            {
                throw new DataFormatException(file, null, null, e.Message);
            }
        }
    }

    /// <summary>Writes <paramref name="schema"/> as indented JSON with LF line ends, properties in the documented order.</summary>
    public static void Write(DatasetSchema schema, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToJson(schema), new UTF8Encoding(false));
    }

    /// <summary>The schema as the text <see cref="Write"/> writes (ends with a line break).</summary>
    public static string ToJson(DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", DatasetSchema.FormatVersion);
            w.WriteStartArray("columns");
            foreach (var c in schema.Columns)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("role", SchemaNames.Name(c.Role));
                if (c.Meaning is { } meaning)
                {
                    w.WriteString("meaning", SchemaNames.Name(meaning));
                }

                WriteIf(w, "description", c.Description);
                if (c.Minimum is { } min)
                {
                    w.WriteNumber("min", min);
                }

                if (c.Maximum is { } max)
                {
                    w.WriteNumber("max", max);
                }

                WriteIf(w, "positive", c.Positive);
                WriteIf(w, "format", c.Format);
                if (c.MaxCategories is { } k)
                {
                    w.WriteNumber("maxCategories", k);
                }

                if (c.Categories is { } categories)
                {
                    w.WriteStartArray("categories");
                    foreach (var category in categories)
                    {
                        w.WriteStringValue(category);
                    }

                    w.WriteEndArray();
                }

                WriteIf(w, "reason", c.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static SchemaColumn ReadColumn(JsonElement e, string file, string at)
    {
        Require(e.ValueKind == JsonValueKind.Object, file, at, "must be an object with 'name' and 'role'");
        foreach (var property in e.EnumerateObject())
        {
            Require(ColumnProperties.Contains(property.Name), file, $"{at}.{property.Name}", $"unknown property (expected one of {string.Join(", ", ColumnProperties)})");
        }

        var name = String(e, "name", file, at) ?? throw Error(file, $"{at}.name", "is required (the column's header, may be \"\")");
        var where = $"{at} ('{name}')";
        var roleText = String(e, "role", file, where) ?? throw Error(file, $"{where}.role", $"is required: one of {string.Join(", ", SchemaNames.RoleNames)}");
        var role = SchemaNames.ParseRole(roleText) ?? throw Error(file, $"{where}.role", $"'{roleText}' is not one of {string.Join(", ", SchemaNames.RoleNames)}");
        ColumnMeaning? meaning = null;
        if (String(e, "meaning", file, where) is { } meaningText)
        {
            meaning = SchemaNames.ParseMeaning(meaningText) ?? throw Error(file, $"{where}.meaning", $"'{meaningText}' is not one of {string.Join(", ", SchemaNames.MeaningNames)}");
        }

        List<string>? categories = null;
        if (e.TryGetProperty("categories", out var list))
        {
            Require(list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String), file, $"{where}.categories", "must be a list of strings");
            categories = list.EnumerateArray().Select(x => x.GetString()!).ToList();
        }

        var maxCategories = Number(e, "maxCategories", file, where);
        Require(maxCategories is null || (maxCategories == Math.Floor(maxCategories.Value) && maxCategories <= int.MaxValue), file, $"{where}.maxCategories", "must be a whole number");
        return new SchemaColumn(name, role)
        {
            Meaning = meaning,
            Description = String(e, "description", file, where),
            Minimum = Number(e, "min", file, where),
            Maximum = Number(e, "max", file, where),
            Positive = String(e, "positive", file, where),
            Format = String(e, "format", file, where),
            MaxCategories = maxCategories is { } m ? (int)m : null,
            Categories = categories,
            Reason = String(e, "reason", file, where),
        };
    }

    private static string? String(JsonElement e, string property, string file, string at)
    {
        if (!e.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // A bare number or boolean as the positive label (1, true) is what people write; read it as its text.
        if (property == "positive" && value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetRawText();
        }

        Require(value.ValueKind == JsonValueKind.String, file, $"{at}.{property}", "must be a string");
        return value.GetString();
    }

    private static double? Number(JsonElement e, string property, string file, string at)
    {
        if (!e.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Require(value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out _), file, $"{at}.{property}", $"must be a number, not {value.GetRawText()}");
        return value.GetDouble();
    }

    private static void WriteIf(Utf8JsonWriter writer, string property, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(property, value);
        }
    }

    private static void Require(bool ok, string file, string property, string problem)
    {
        if (!ok)
        {
            throw Error(file, property, problem);
        }
    }

    private static DataFormatException Error(string file, string property, string problem) =>
        new(file, null, null, $"'{property}': {problem}");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).ReplaceLineEndings(" ");
    }
}
