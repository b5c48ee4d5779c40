using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Formatting;
using ReturnMonitor.Notebooks.Interactive;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Kernel;

/// <summary>
/// Sends what a running cell shows to the frontend as IOPub messages, as it happens: <c>stream</c>,
/// <c>display_data</c> (with a display id, so <c>DisplayHandle.Update</c> becomes <c>update_display_data</c>) and
/// <c>execute_result</c>. Tables are escaped HTML plus text; a chart carries its Plotly figure
/// (<c>application/vnd.plotly.v1+json</c>), offline <c>text/html</c> and, once the cell ends, its PNG.
/// </summary>
internal sealed class LiveCellSink : ICellOutputSink, IDisposable
{
    /// <summary>Mime type of a Plotly figure, drawn natively by VS Code and JupyterLab.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    private readonly Action<string, JsonObject> publish;
    private readonly ValueFormatter formatter = new();
    private readonly ChartCollector charts = new(false, () => string.Empty);
    private readonly PlotlyPage page;
    private readonly int executionCount;
    private readonly List<(ChartSpec Spec, string DisplayId, JsonObject Data)> liveCharts = [];
    private readonly StreamCoalescer streams;

    public LiveCellSink(Action<string, JsonObject> publish, PlotlyPage page, int executionCount)
    {
        this.publish = publish;
        this.page = page;
        this.executionCount = executionCount;
        streams = new StreamCoalescer((name, text) => this.publish("stream", new JsonObject { ["name"] = name, ["text"] = text }));
    }

    /// <summary>Stream messages sent for this cell (console text is coalesced, see <see cref="StreamCoalescer"/>).</summary>
    public int StreamMessages => streams.MessagesPublished;

    public void Write(string stream, string text) => streams.Write(stream, text);

    /// <summary>Sends the console text still pending (call before the cell's error or reply).</summary>
    public void FlushStreams() => streams.Flush();

    public void Dispose() => streams.Dispose();

    /// <summary>Every other output first sends the console text written before it, so the frontend shows them in order.</summary>
    private void Publish(string type, JsonObject content)
    {
        streams.Flush();
        this.publish(type, content);
    }

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var displayIds = new List<string>();
        foreach (var (data, metadata) in Bundles(value, mimeTypes))
        {
            var id = Guid.NewGuid().ToString("N");
            displayIds.Add(id);
            Publish("display_data", Content(data, metadata, id));
        }
        return new DisplayHandle(newValue =>
        {
            var bundles = Bundles(newValue, mimeTypes);
            for (var i = 0; i < bundles.Count; i++)
            {
                if (i < displayIds.Count)
                {
                    Publish("update_display_data", Content(bundles[i].Data, bundles[i].Metadata, displayIds[i]));
                }
                else
                {
                    var id = Guid.NewGuid().ToString("N");
                    displayIds.Add(id);
                    Publish("display_data", Content(bundles[i].Data, bundles[i].Metadata, id));
                }
            }
        });
    }

    public void ShowResult(object? value)
    {
        var bundles = Bundles(value, []);
        for (var i = 0; i < bundles.Count; i++)
        {
            var (data, metadata) = bundles[i];
            if (i == 0 && !IsChart(metadata))
            {
                Publish("execute_result", new JsonObject { ["execution_count"] = this.executionCount, ["data"] = data, ["metadata"] = metadata });
            }
            else
            {
                // A chart is a display (it gets its PNG later by display id); execute_result has no display id.
                Publish("display_data", Content(data, metadata, Guid.NewGuid().ToString("N")));
            }
        }
    }

    /// <summary>Adds each chart's PNG (one Chromium launch for the cell's charts) with <c>update_display_data</c>.</summary>
    public async Task AddChartImagesAsync(IChartRenderer? renderer, CancellationToken cancellationToken)
    {
        if (renderer is null || liveCharts.Count == 0)
        {
            return;
        }
        IReadOnlyList<byte[]> images;
        try
        {
            images = await renderer.RenderAsync(liveCharts.Select(c => c.Spec).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChartRenderingException or OperationCanceledException or IOException)
        {
            // The figure and the HTML are already shown; only the static image is missing.
            Console.Error.WriteLine($"returnmonitor kernel: chart images not rendered: {e.Message}");
            return;
        }
        for (var i = 0; i < liveCharts.Count; i++)
        {
            var (spec, id, data) = liveCharts[i];
            data["image/png"] = Convert.ToBase64String(images[i]);
            Publish("update_display_data", Content(data, ChartMetadata(spec), id));
        }
    }

    private List<(JsonObject Data, JsonObject Metadata)> Bundles(object? value, IReadOnlyList<string> mimeTypes)
    {
        var before = this.charts.Pending.Count;
        var outputs = formatter.Format(value, mimeTypes, this.charts);
        var chartOutputs = this.charts.Pending.Skip(before).ToList();
        var bundles = new List<(JsonObject, JsonObject)>();
        foreach (var output in outputs)
        {
            if (chartOutputs.FirstOrDefault(p => ReferenceEquals(p.Output, output)).Spec is { } spec)
            {
                bundles.Add((ChartData(spec), ChartMetadata(spec)));
                continue;
            }
            var data = new JsonObject();
            foreach (var (mime, node) in (output["data"] as JsonObject) ?? [])
            {
                data[mime] = node is JsonArray ? NotebookDocument.JoinMultiline(node) : node?.DeepClone();
            }
            bundles.Add((data, (JsonObject)(output["metadata"]?.DeepClone() ?? new JsonObject())));
        }
        return bundles;
    }

    private JsonObject ChartData(ChartSpec spec)
    {
        var data = new JsonObject
        {
            [PlotlyMimeType] = JsonNode.Parse(spec.SpecJson),
            ["text/html"] = this.page.ChartHtml(spec),
            ["text/plain"] = string.Create(CultureInfo.InvariantCulture, $"Plotly chart ({spec.Width}×{spec.Height})"),
        };
        return data;
    }

    private static JsonObject ChartMetadata(ChartSpec spec) => new()
    {
        ["image/png"] = new JsonObject { ["width"] = spec.Width, ["height"] = spec.Height },
        [ChartCollector.MetadataKey] = new JsonObject { [ChartCollector.SpecHashKey] = spec.Sha256 },
    };

    private static bool IsChart(JsonObject metadata) => metadata[ChartCollector.MetadataKey] is not null;

    private JsonObject Content(JsonObject data, JsonObject metadata, string displayId)
    {
        if (IsChart(metadata) && data.ContainsKey(PlotlyMimeType) && !data.ContainsKey("image/png")
            && metadata[ChartCollector.MetadataKey]?[ChartCollector.SpecHashKey]?.GetValue<string>() is { } hash)
        {
            var spec = this.charts.Pending.Select(p => p.Spec).LastOrDefault(s => s.Sha256 == hash);
            if (spec is not null && liveCharts.All(c => c.DisplayId != displayId))
            {
                liveCharts.Add((spec, displayId, (JsonObject)data.DeepClone()));
            }
        }
        return new JsonObject
        {
            ["data"] = data.DeepClone(),
            ["metadata"] = metadata.DeepClone(),
            ["transient"] = new JsonObject { ["display_id"] = displayId },
        };
    }
}
