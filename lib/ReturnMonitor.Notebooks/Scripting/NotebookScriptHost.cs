using System.Diagnostics.CodeAnalysis;

namespace ReturnMonitor.Notebooks.Scripting;

/// <summary>
/// The object whose members notebook code sees as globals: <c>display(value)</c> and <c>HTML(text)</c>,
/// as in Polyglot Notebooks.
/// </summary>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Polyglot Notebooks' names.")]
public sealed class NotebookScriptHost
{
    private readonly Func<object?, IReadOnlyList<string>, DisplayHandle> _display;

    internal NotebookScriptHost(Func<object?, IReadOnlyList<string>, DisplayHandle> display)
    {
        _display = display;
    }

    /// <summary>The host of the notebook currently running (null outside a run).</summary>
    internal static NotebookScriptHost? Current { get; set; }

    /// <summary>
    /// Displays a value as an output of the current cell (formatted like a trailing expression).
    /// With mime types and a string value, the string is shown as that type, e.g. <c>display("&lt;b&gt;x&lt;/b&gt;", "text/html")</c>.
    /// </summary>
    public DisplayHandle display(object? value, params string[] mimeTypes) => _display(value, mimeTypes ?? []);

    /// <summary>Marks a string as HTML, for <c>display(HTML("..."))</c>.</summary>
    public HtmlString HTML(string html) => new(html);
}

/// <summary>Returned by <c>display</c>; <see cref="Update"/> replaces the displayed value.</summary>
public sealed class DisplayHandle
{
    private readonly Action<object?> _update;

    internal DisplayHandle(Action<object?> update)
    {
        _update = update;
    }

    /// <summary>Replaces the output with a new value.</summary>
    public void Update(object? value) => _update(value);

    /// <inheritdoc />
    public override string ToString() => string.Empty;
}

/// <summary>A string that is shown as <c>text/html</c>.</summary>
/// <param name="Html">The HTML.</param>
public sealed record HtmlString(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}
