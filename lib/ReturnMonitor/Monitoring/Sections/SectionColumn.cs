namespace ReturnMonitor.Monitoring.Sections;

/// <summary>A column of a <see cref="SectionTable"/>.</summary>
/// <param name="Header">The header text.</param>
/// <param name="RightAligned">True for numbers.</param>
public sealed record SectionColumn(string Header, bool RightAligned = false);
