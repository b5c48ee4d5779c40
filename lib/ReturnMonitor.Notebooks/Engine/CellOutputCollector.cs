using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Formatting;
using ReturnMonitor.Notebooks.Interactive;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Engine;

/// <summary>
/// Collects the outputs of the cell being executed, in order: console text (as <c>stream</c> outputs) and
/// displayed values (as <c>display_data</c>).
/// </summary>
internal sealed class CellOutputCollector : ICellOutputSink
{
    private readonly ValueFormatter formatter;
    private readonly ChartCollector charts;
    private readonly object gate = new();
    private readonly StringBuilder pending = new();
    private string? pendingStream;
    private List<JsonObject> outputs = [];

    public CellOutputCollector(ValueFormatter formatter, ChartCollector charts)
    {
        this.formatter = formatter;
        this.charts = charts;
    }

    /// <summary>Starts collecting for a new cell; returns the list the cell's outputs go to.</summary>
    public List<JsonObject> BeginCell()
    {
        lock (gate)
        {
            FlushLocked();
            this.outputs = [];
            return this.outputs;
        }
    }

    /// <summary>Flushes pending console text of the current cell.</summary>
    public void EndCell()
    {
        lock (gate)
        {
            FlushLocked();
        }
    }

    public void Write(string stream, string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        lock (gate)
        {
            if (pendingStream != stream)
            {
                FlushLocked();
                pendingStream = stream;
            }
            this.pending.Append(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        List<JsonObject> target;
        List<JsonObject> shown;
        lock (gate)
        {
            FlushLocked();
            target = this.outputs;
            shown = [.. this.formatter.Format(value, mimeTypes, this.charts)];
            target.AddRange(shown);
        }
        return new DisplayHandle(newValue =>
        {
            lock (gate)
            {
                var index = shown.Count > 0 ? target.IndexOf(shown[0]) : -1;
                var replacement = this.formatter.Format(newValue, mimeTypes, this.charts).ToList();
                if (index < 0)
                {
                    target.AddRange(replacement);
                }
                else
                {
                    target.RemoveRange(index, shown.Count);
                    target.InsertRange(index, replacement);
                }
                shown = replacement;
            }
        });
    }

    /// <summary>Committed notebooks keep a trailing value as <c>display_data</c>, as the runner always wrote it.</summary>
    public void ShowResult(object? value) => Display(value, []);

    public void Add(JsonObject output)
    {
        lock (gate)
        {
            FlushLocked();
            this.outputs.Add(output);
        }
    }

    private void FlushLocked()
    {
        if (pendingStream is null || this.pending.Length == 0)
        {
            return;
        }
        var text = this.pending.ToString();
        this.pending.Clear();
        var last = this.outputs.Count > 0 ? this.outputs[^1] : null;
        if (last is not null && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == pendingStream)
        {
            text = NotebookDocument.JoinMultiline(last["text"]) + text;
            this.outputs[^1] = OutputBuilder.Stream(pendingStream, text);
        }
        else
        {
            this.outputs.Add(OutputBuilder.Stream(pendingStream, text));
        }
    }
}
