namespace ReturnMonitor.Notebooks.Interactive;

/// <summary>
/// Receives what a running cell shows: console text and displayed values. The headless runner collects them into
/// nbformat outputs; the Jupyter kernel sends them to the frontend as they happen.
/// </summary>
public interface ICellOutputSink
{
    /// <summary>Console text written by the cell; <paramref name="stream"/> is <c>stdout</c> or <c>stderr</c>.</summary>
    void Write(string stream, string text);

    /// <summary>
    /// Shows a value (a trailing expression, <c>display(value)</c> or <c>value.Display()</c>); with mime types and a
    /// string value, the string is shown as that type.
    /// </summary>
    DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes);

    /// <summary>Shows the value of the cell's trailing expression (Jupyter's <c>execute_result</c>); called last.</summary>
    void ShowResult(object? value);
}
