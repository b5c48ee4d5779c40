using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks;

/// <summary>Why a notebook run failed.</summary>
/// <param name="CellNumber">1-based position of the cell among all cells, if the failure belongs to a cell.</param>
/// <param name="CellId">The cell's id, if any.</param>
/// <param name="Line">1-based line within the cell, if known.</param>
/// <param name="Message">Compiler error, exception or difference, without the location prefix.</param>
public sealed record NotebookFailure(int? CellNumber, string? CellId, int? Line, string Message)
{
    /// <summary>Formats as <c>notebook.ipynb: cell N, line L: message</c>.</summary>
    public string Format(string notebook)
    {
        var where = CellNumber is null ? string.Empty : Line is null ? $" cell {CellNumber}:" : $" cell {CellNumber}, line {Line}:";
        return $"{notebook}:{where} {Message}";
    }
}

/// <summary>Outcome of running one notebook.</summary>
public sealed class NotebookRunResult
{
    internal NotebookRunResult(string name, NotebookDocument document, string text, bool changed, bool written, NotebookFailure? failure, NotebookRunStatistics statistics)
    {
        Name = name;
        Document = document;
        Text = text;
        Changed = changed;
        Written = written;
        Failure = failure;
        Statistics = statistics;
    }

    /// <summary>The notebook's name as used in messages.</summary>
    public string Name { get; }

    /// <summary>The notebook with the new outputs.</summary>
    public NotebookDocument Document { get; }

    /// <summary>The serialized notebook with the new outputs (what is or would be written).</summary>
    public string Text { get; }

    /// <summary>Whether the new text differs from the file's.</summary>
    public bool Changed { get; }

    /// <summary>Whether the file was rewritten.</summary>
    public bool Written { get; }

    /// <summary>Null on success.</summary>
    public NotebookFailure? Failure { get; }

    /// <summary>True when every cell ran and (in check mode) the outputs matched.</summary>
    public bool Succeeded => Failure is null;

    /// <summary>The failure formatted as <c>notebook.ipynb: cell N, line L: message</c>, or null.</summary>
    public string? FailureMessage => Failure?.Format(Name);

    /// <summary>Counts and timings.</summary>
    public NotebookRunStatistics Statistics { get; }
}

/// <summary>Counts and timings of a run.</summary>
/// <param name="CellsExecuted">Code cells executed.</param>
/// <param name="Charts">Charts displayed.</param>
/// <param name="ChartsRendered">Charts rendered by Chromium in this run.</param>
/// <param name="ChartsReused">Charts whose PNG was reused from the file (same spec hash).</param>
/// <param name="Elapsed">Whole run.</param>
/// <param name="ChartRenderTime">Time spent in the chart renderer.</param>
public sealed record NotebookRunStatistics(int CellsExecuted, int Charts, int ChartsRendered, int ChartsReused, TimeSpan Elapsed, TimeSpan ChartRenderTime);
