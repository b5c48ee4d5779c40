namespace ReturnMonitor.Monitoring.Sections;

/// <summary>A table of a section's text: column headers (numbers right-aligned) and rows of display strings.</summary>
/// <param name="Columns">Header and alignment per column.</param>
/// <param name="Rows">One string per column in each row, already formatted (<c>NumberText</c>).</param>
public sealed record SectionTable(IReadOnlyList<SectionColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
