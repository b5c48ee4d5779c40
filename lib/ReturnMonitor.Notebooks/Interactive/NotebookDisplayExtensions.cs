using ReturnMonitor.Notebooks.Scripting;

namespace ReturnMonitor.Notebooks.Interactive;

/// <summary>Extension methods imported into notebook code (like Polyglot's <c>value.Display()</c>).</summary>
public static class NotebookDisplayExtensions
{
    /// <summary>Displays a value (same as <c>display(value)</c>).</summary>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) =>
        (NotebookScriptHost.Current ?? throw new InvalidOperationException("Display() is only available while a notebook runs."))
        .display(value, mimeTypes);
}
