namespace ReturnMonitor.Monitoring.Sections;

/// <summary>
/// A section in the terminal as blocks — lines and tables — that the CLI draws (Spectre.Console), so that a section in
/// the library renders text without depending on a console library.
/// </summary>
public sealed class SectionText
{
    private readonly List<SectionBlock> blocks = [];

    /// <summary>The blocks in order.</summary>
    public IReadOnlyList<SectionBlock> Blocks => blocks;

    /// <summary>A line that the console may wrap at its width.</summary>
    public SectionText Line(string text)
    {
        blocks.Add(new SectionBlock(text, null, Wrap: true));
        return this;
    }

    /// <summary>A line written as is, never wrapped (long reasons and warnings that are copied from the terminal).</summary>
    public SectionText RawLine(string text)
    {
        blocks.Add(new SectionBlock(text, null, Wrap: false));
        return this;
    }

    /// <summary>A table.</summary>
    public SectionText Table(SectionTable table)
    {
        blocks.Add(new SectionBlock(null, table, Wrap: false));
        return this;
    }
}
