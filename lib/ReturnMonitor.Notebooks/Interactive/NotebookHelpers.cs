using System.Diagnostics.CodeAnalysis;

namespace ReturnMonitor.Notebooks.Interactive;

/// <summary>
/// Functions every cell can call without qualification (imported with <c>using static</c>):
/// <c>display(value)</c> and <c>HTML(text)</c>, with Polyglot Notebooks' names and meaning.
/// </summary>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Polyglot Notebooks' names.")]
public static class NotebookHelpers
{
    // One cell runs at a time per process (the engine serializes executions), so a plain static is enough.
    private static volatile ICellOutputSink? current;

    /// <summary>The sink of the cell that is running (null between cells).</summary>
    internal static ICellOutputSink? Current
    {
        get => current;
        set => current = value;
    }

    /// <summary>
    /// Displays a value as an output of the current cell (formatted like a trailing expression).
    /// With mime types and a string value, the string is shown as that type, e.g. <c>display("&lt;b&gt;x&lt;/b&gt;", "text/html")</c>.
    /// </summary>
    public static DisplayHandle display(object? value, params string[] mimeTypes) =>
        (Current ?? throw new InvalidOperationException("display() is only available while a cell runs."))
        .Display(value, mimeTypes ?? []);

    /// <summary>Marks a string as HTML, for <c>display(HTML("..."))</c>.</summary>
    public static HtmlString HTML(string html) => new(html);
}
