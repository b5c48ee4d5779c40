using ReturnMonitor.Notebooks.Charts;

namespace ReturnMonitor.Notebooks;

/// <summary>Options for <see cref="NotebookRunner"/>.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>
    /// Run without writing; fail when the outputs would differ from the committed ones
    /// (chart images are compared by their spec hash, not by pixels). No Chromium is needed.
    /// </summary>
    public bool Check { get; init; }

    /// <summary>When a cell fails (not in check mode), still write the notebook: outputs up to the failing cell's error, later cells cleared. Default true.</summary>
    public bool WriteOnFailure { get; init; } = true;

    /// <summary>Name used for the notebook in messages (default: the path as given).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Renders chart PNGs (default: <see cref="ChromiumChartRenderer"/>).</summary>
    public IChartRenderer? ChartRenderer { get; init; }

    /// <summary>Also write an interactive HTML output after each chart image (plotly.js embedded once per notebook, ~3.6 MB). Default false.</summary>
    public bool InteractiveCharts { get; init; }

    /// <summary>Rows shown for DataFrames and sequences (default 50).</summary>
    public int MaxTableRows { get; init; } = 50;

    /// <summary>Called with a code cell's number just before it runs (the isolated runner's progress record).</summary>
    public Action<int>? CellStarting { get; init; }
}
