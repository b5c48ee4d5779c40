using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Json;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// What a monitor needs to know about the training data, fitted once: the exact per-feature summaries
/// (<see cref="DatasetSummary"/>). Saved as JSON so that checking a batch never re-reads the training file:
/// <code>var profile = ReferenceProfile.Fit(reference); var report = profile.Compare(batch);</code>
/// A profile of a table other than the demo's carries its <see cref="DatasetSchema"/> (JSON <c>"schema"</c>, the
/// <c>schema.json</c> object): every later command reads batches against it. A profile without one is the demo's.
/// </summary>
public sealed class ReferenceProfile
{
    /// <summary>Value of the JSON <c>format</c> field.</summary>
    public const string FormatName = "returnmonitor-profile";

    /// <summary>
    /// Version of the JSON layout: 1 when every numeric feature is written as plain <c>values</c>/<c>counts</c> arrays,
    /// 2 when one is in the compact form of a high-cardinality or sketched feature (see <c>CompactColumn</c>). Both are read.
    /// </summary>
    public const int FormatVersion = 2;

    private readonly Lazy<FittedReference> fitted;

    /// <summary>A profile of <paramref name="summary"/> whose comparisons use <paramref name="methods"/> (default: <see cref="DriftMethodRegistry.Default"/>).</summary>
    public ReferenceProfile(DatasetSummary summary, DriftMethodRegistry? methods = null)
        : this(summary, null, methods)
    {
    }

    /// <summary>A profile of <paramref name="summary"/> read against <paramref name="schema"/> (null: the demo's columns).</summary>
    /// <exception cref="ArgumentException">The schema's features are not the summary's.</exception>
    public ReferenceProfile(DatasetSummary summary, DatasetSchema? schema, DriftMethodRegistry? methods = null)
    {
        if (schema is not null && !schema.FeatureDefinitions().Select(f => f.Name).SequenceEqual(summary.Features.Select(f => f.Name)))
        {
            throw new ArgumentException("the schema's features are not the summary's");
        }

        Summary = summary;
        Schema = schema is null || SchemaReader.Plan(schema) == ReadPlan.Demo ? null : schema;
        Methods = methods ?? DriftMethodRegistry.Default;
        // The methods are fitted on the first comparison and reused for every later batch.
        fitted = new Lazy<FittedReference>(() => FittedReference.Fit(Summary, Methods));
    }

    /// <summary>The reference data's exact summary.</summary>
    public DatasetSummary Summary { get; }

    /// <summary>Where the reference came from.</summary>
    public string Source => Summary.Source;

    /// <summary>The reference's schema, against which batches are read; null for the demo's columns (<see cref="DemoSchema"/>).</summary>
    public DatasetSchema? Schema { get; }

    /// <summary>The schema batches are read against: <see cref="Schema"/>, or the demo's.</summary>
    public DatasetSchema ReadSchema => Schema ?? DemoSchema.Schema;

    /// <summary>The drift methods a comparison runs (not saved with the profile).</summary>
    public DriftMethodRegistry Methods { get; }

    /// <summary>Fits a profile on reference data.</summary>
    public static ReferenceProfile Fit(OrderTable reference, DriftMethodRegistry? methods = null) => new(DatasetSummary.Of(reference), methods);

    /// <summary>Compares a batch with this reference.</summary>
    /// <exception cref="ArgumentException">Either side has no orders.</exception>
    public DriftReport Compare(OrderTable batch, DriftOptions? options = null) => Compare(DatasetSummary.Of(batch), options);

    /// <summary>Compares a batch summary with this reference; the methods are fitted once, on the first comparison.</summary>
    /// <exception cref="ArgumentException">Either side has no orders.</exception>
    public DriftReport Compare(DatasetSummary batch, DriftOptions? options = null) => fitted.Value.Compare(batch, options);

    /// <summary>The profile as JSON text (deterministic: same profile, same bytes).</summary>
    public string ToJson()
    {
        var numeric = new JsonArray();
        // Version 1 unless a feature needs the compact form: profiles of low-cardinality data stay byte-identical.
        var version = 1;
        foreach (var feature in Summary.NumericFeatures)
        {
            var d = Summary.Numeric[feature.Name];
            var node = new JsonObject { ["name"] = feature.Name };
            if (CompactColumn.Applies(d))
            {
                CompactColumn.Write(node, d);
                version = FormatVersion;
            }
            else
            {
                node["values"] = new JsonArray(d.Values.ToArray().Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                node["counts"] = new JsonArray(d.Counts.ToArray().Select(c => (JsonNode)JsonValue.Create(c)).ToArray());
            }

            numeric.Add(WithMissing(node, feature.Name));
        }

        var categorical = new JsonArray();
        foreach (var feature in Summary.CategoricalFeatures)
        {
            var counts = new JsonObject();
            foreach (var (category, count) in Summary.Categorical[feature.Name].Pairs)
            {
                counts[category] = count;
            }

            categorical.Add(WithMissing(new JsonObject { ["name"] = feature.Name, ["counts"] = counts }, feature.Name));
        }

        var root = new JsonObject
        {
            ["format"] = FormatName,
            ["version"] = version,
            ["source"] = Summary.Source,
            ["rows"] = Summary.Rows,
            ["returned"] = Summary.Returned,
        };
        if (Schema is not null)
        {
            // Only a table other than the demo's: the demo's profiles stay byte-identical.
            root["schema"] = JsonNode.Parse(SchemaFile.ToJson(Schema));
        }

        root["numeric"] = numeric;
        root["categorical"] = categorical;
        return root.ToJsonString(JsonDefaults.Options) + "\n";
    }

    /// <summary>Writes the profile to a JSON file.</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToJson());
    }

    /// <summary>Reads a profile written by <see cref="Save"/>.</summary>
    /// <exception cref="DataFormatException">Missing file, not JSON, or not a profile.</exception>
    public static ReferenceProfile Load(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        return FromJson(InputFiles.ReadAllText(path, name), name);
    }

    /// <summary>Parses profile JSON.</summary>
    /// <exception cref="DataFormatException">Not valid JSON or not a profile of a supported version.</exception>
    public static ReferenceProfile FromJson(string json, string name = "<profile>")
    {
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("empty document");
            if ((string?)root["format"] != FormatName)
            {
                throw new FormatException($"'format' is not \"{FormatName}\"");
            }

            var version = (int?)root["version"];
            if (version is not (1 or FormatVersion))
            {
                throw new FormatException($"version {version} is not supported (expected 1 or {FormatVersion})");
            }

            var numeric = new Dictionary<string, EmpiricalDistribution>(StringComparer.Ordinal);
            var missing = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var node in Required(root, "numeric").AsArray())
            {
                var feature = Required(node!, "name").GetValue<string>();
                missing[feature] = (long?)node!["missing"] ?? 0;
                if ((string?)node["encoding"] is { } encoding)
                {
                    numeric[feature] = encoding == CompactColumn.Encoding
                        ? CompactColumn.Read(node, feature)
                        : throw new FormatException($"feature '{feature}': unknown encoding '{encoding}'");
                    continue;
                }

                var values = Required(node!, "values").AsArray().Select(v => v!.GetValue<double>()).ToArray();
                var counts = Required(node!, "counts").AsArray().Select(v => v!.GetValue<long>()).ToArray();
                if (values.Length != counts.Length)
                {
                    throw new FormatException($"feature '{feature}' has {values.Length} values but {counts.Length} counts");
                }

                numeric[feature] = EmpiricalDistribution.FromCounts(values.Zip(counts, KeyValuePair.Create));
            }

            var categorical = new Dictionary<string, CategoryCounts>(StringComparer.Ordinal);
            foreach (var node in Required(root, "categorical").AsArray())
            {
                var feature = Required(node!, "name").GetValue<string>();
                categorical[feature] = CategoryCounts.FromCounts(Required(node!, "counts").AsObject().Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<long>())));
                missing[feature] = (long?)node!["missing"] ?? 0;
            }

            var schema = root["schema"] is { } schemaNode ? SchemaFile.Parse(schemaNode.ToJsonString(), $"{name}: schema") : null;
            var summary = new DatasetSummary(
                Required(root, "source").GetValue<string>(),
                Required(root, "rows").GetValue<long>(),
                numeric,
                categorical,
                (long?)root["returned"],
                missing,
                schema?.FeatureDefinitions());
            // Profiles written before version 1.1 of the model folder carried a "training" node; it now lives in
            // training.json (see ModelDirectory) and is ignored here.
            return new ReferenceProfile(summary, schema);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException or OverflowException)
        {
            throw new DataFormatException(name, null, null, $"not a valid ReturnMonitor profile: {OneLine(e.Message)}");
        }
    }

    /// <summary>Whether a file looks like a profile (JSON) rather than CSV, by its first non-blank character.</summary>
    public static bool LooksLikeProfile(string path)
    {
        using var reader = new StreamReader(path);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (!char.IsWhiteSpace((char)c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }

        return false;
    }

    // "missing" (values missing from a feature) is written only when not 0: profiles of complete data, the usual
    // reference, keep the version 1 layout byte for byte, and a profile without it reads as 0.
    private JsonObject WithMissing(JsonObject feature, string name)
    {
        if (Summary.Missing[name] is var missing and > 0)
        {
            feature["missing"] = missing;
        }

        return feature;
    }

    private static JsonNode Required(JsonNode node, string property) =>
        node[property] ?? throw new FormatException($"missing property '{property}'");

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
