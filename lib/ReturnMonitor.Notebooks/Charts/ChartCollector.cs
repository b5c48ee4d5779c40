using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Charts;

/// <summary>A chart to render: its Plotly figure JSON (data, layout, config) and pixel size.</summary>
/// <param name="SpecJson">Plotly figure JSON as produced by <c>GenericChart.toJson</c>.</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
public sealed record ChartSpec(string SpecJson, int Width, int Height)
{
    /// <summary>Lowercase hex SHA-256 of <see cref="SpecJson"/> (UTF-8); stored in the output metadata.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(SpecJson)));

    /// <summary>Reads the size from <c>layout.width</c>/<c>layout.height</c> (Plotly's defaults 700×500 otherwise).</summary>
    public static ChartSpec FromJson(string specJson)
    {
        ArgumentNullException.ThrowIfNull(specJson);
        var width = 700;
        var height = 500;
        using (var doc = JsonDocument.Parse(specJson))
        {
            if (doc.RootElement.TryGetProperty("layout", out var layout) && layout.ValueKind == JsonValueKind.Object)
            {
                if (layout.TryGetProperty("width", out var w) && w.ValueKind == JsonValueKind.Number)
                {
                    width = (int)Math.Round(w.GetDouble());
                }
                if (layout.TryGetProperty("height", out var h) && h.ValueKind == JsonValueKind.Number)
                {
                    height = (int)Math.Round(h.GetDouble());
                }
            }
        }
        return new ChartSpec(specJson, width, height);
    }
}

/// <summary>
/// Collects the charts a notebook run displays. Each chart becomes a <c>display_data</c> output holding only
/// <c>image/png</c> (GitHub shows it without JavaScript), with the chart spec's hash in
/// <c>metadata.returnmonitor.plotly_spec_sha256</c>; the PNG is filled in after the run, in one batch.
/// </summary>
public sealed class ChartCollector
{
    /// <summary>Metadata key under which the runner stores its chart information.</summary>
    public const string MetadataKey = "returnmonitor";

    /// <summary>Metadata property holding the chart spec hash.</summary>
    public const string SpecHashKey = "plotly_spec_sha256";

    private readonly List<(ChartSpec Spec, JsonObject Output)> pending = [];
    private readonly bool interactive;
    private readonly Func<string> plotlyJs;
    private bool plotlyJsEmitted;

    /// <summary>Creates a collector.</summary>
    /// <param name="interactive">Also emit a second, interactive <c>text/html</c> output per chart (plotly.js embedded once).</param>
    /// <param name="plotlyJs">Supplies plotly.js source for the interactive output.</param>
    public ChartCollector(bool interactive, Func<string> plotlyJs)
    {
        this.interactive = interactive;
        this.plotlyJs = plotlyJs;
    }

    /// <summary>Charts registered so far with the output each one fills.</summary>
    public IReadOnlyList<(ChartSpec Spec, JsonObject Output)> Pending => pending;

    /// <summary>Registers a Plotly.NET chart and returns its output(s).</summary>
    public List<JsonObject> Add(Plotly.NET.GenericChart chart)
    {
        var spec = ChartSpec.FromJson(Plotly.NET.GenericChart.toJson(chart));
        return Add(spec);
    }

    /// <summary>Registers a chart spec and returns its output(s).</summary>
    public List<JsonObject> Add(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var metadata = new JsonObject
        {
            ["image/png"] = new JsonObject { ["height"] = spec.Height, ["width"] = spec.Width },
            [MetadataKey] = new JsonObject { [SpecHashKey] = spec.Sha256 },
        };
        var output = OutputBuilder.DisplayData([], metadata);
        pending.Add((spec, output));
        var outputs = new List<JsonObject> { output };
        if (this.interactive)
        {
            outputs.Add(InteractiveOutput(spec, pending.Count));
        }
        return outputs;
    }

    private JsonObject InteractiveOutput(ChartSpec spec, int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"returnmonitor-chart-{index}");
        var sb = new StringBuilder();
        if (!plotlyJsEmitted)
        {
            // Embedded once per notebook; later charts reuse window.Plotly.
            sb.Append("<script type=\"text/javascript\">").Append(EscapeScript(this.plotlyJs())).Append("</script>\n");
            plotlyJsEmitted = true;
        }
        sb.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" style=\"width:{spec.Width}px;height:{spec.Height}px;\"></div>\n");
        sb.Append("<script type=\"text/javascript\">\n(function () {\nvar fig = ").Append(EscapeScript(spec.SpecJson)).Append(";\n");
        sb.Append(CultureInfo.InvariantCulture, $"if (window.Plotly) {{ Plotly.newPlot('{id}', fig.data, fig.layout, fig.config); }}\n}})();\n</script>");
        return OutputBuilder.DisplayData([new("text/html", sb.ToString())], new JsonObject { [MetadataKey] = new JsonObject { [SpecHashKey] = spec.Sha256 } });
    }

    private static string EscapeScript(string js) => js.Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>Whether an output is a chart image written by the runner; returns its spec hash.</summary>
    public static bool TryGetChartHash(JsonNode? output, out string hash)
    {
        hash = string.Empty;
        if (output?["metadata"]?[MetadataKey]?[SpecHashKey] is JsonValue v && v.TryGetValue<string>(out var h)
            && output["data"] is JsonObject data && !data.ContainsKey("text/html"))
        {
            hash = h;
            return true;
        }
        return false;
    }

    /// <summary>Sets the PNG (base64) of a chart output.</summary>
    public static void SetPng(JsonObject output, string base64Png)
    {
        ArgumentNullException.ThrowIfNull(output);
        var data = (JsonObject)output["data"]!;
        data["image/png"] = base64Png;
    }
}
