namespace ReturnMonitor.Notebooks.Interactive;

/// <summary>A string that is shown as <c>text/html</c> (made by <c>HTML("...")</c>).</summary>
/// <param name="Html">The HTML.</param>
public sealed record HtmlString(string Html)
{
    /// <inheritdoc />
    public override string ToString() => Html;
}
