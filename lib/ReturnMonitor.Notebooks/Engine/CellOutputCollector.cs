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
    private readonly ValueFormatter _formatter;
    private readonly ChartCollector _charts;
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;
    private List<JsonObject> _outputs = [];

    public CellOutputCollector(ValueFormatter formatter, ChartCollector charts)
    {
        _formatter = formatter;
        _charts = charts;
    }

    /// <summary>Starts collecting for a new cell; returns the list the cell's outputs go to.</summary>
    public List<JsonObject> BeginCell()
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs = [];
            return _outputs;
        }
    }

    /// <summary>Flushes pending console text of the current cell.</summary>
    public void EndCell()
    {
        lock (_gate)
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
        lock (_gate)
        {
            if (_pendingStream != stream)
            {
                FlushLocked();
                _pendingStream = stream;
            }
            _pending.Append(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        List<JsonObject> target;
        List<JsonObject> shown;
        lock (_gate)
        {
            FlushLocked();
            target = _outputs;
            shown = [.. _formatter.Format(value, mimeTypes, _charts)];
            target.AddRange(shown);
        }
        return new DisplayHandle(newValue =>
        {
            lock (_gate)
            {
                var index = shown.Count > 0 ? target.IndexOf(shown[0]) : -1;
                var replacement = _formatter.Format(newValue, mimeTypes, _charts).ToList();
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
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(output);
        }
    }

    private void FlushLocked()
    {
        if (_pendingStream is null || _pending.Length == 0)
        {
            return;
        }
        var text = _pending.ToString();
        _pending.Clear();
        var last = _outputs.Count > 0 ? _outputs[^1] : null;
        if (last is not null && last["output_type"]?.GetValue<string>() == "stream" && last["name"]?.GetValue<string>() == _pendingStream)
        {
            text = NotebookDocument.JoinMultiline(last["text"]) + text;
            _outputs[^1] = OutputBuilder.Stream(_pendingStream, text);
        }
        else
        {
            _outputs.Add(OutputBuilder.Stream(_pendingStream, text));
        }
    }
}
