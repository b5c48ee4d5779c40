namespace ReturnMonitor.Notebooks.Interactive;

/// <summary>Extension methods imported into notebook code (like Polyglot's <c>value.Display()</c>).</summary>
public static class NotebookDisplayExtensions
{
    /// <summary>Displays a value (same as <c>display(value)</c>).</summary>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => NotebookHelpers.display(value, mimeTypes);
}
