using ReturnMonitor.Notebooks.Interactive;

namespace ReturnMonitor.Notebooks.Engine;

/// <summary>A sink that shows nothing (the engine's own prelude submission).</summary>
internal sealed class DiscardingSink : ICellOutputSink
{
    public void Write(string stream, string text)
    {
    }

    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes) => new(_ => { });

    public void ShowResult(object? value)
    {
    }
}
