namespace ReturnMonitor.Monitoring.Sections;

/// <summary>One block of a <see cref="SectionText"/>: a line or a table.</summary>
/// <param name="Line">The line's text; null for a table.</param>
/// <param name="Table">The table; null for a line.</param>
/// <param name="Wrap">For a line: whether the console may wrap it at its width.</param>
public sealed record SectionBlock(string? Line, SectionTable? Table, bool Wrap);
