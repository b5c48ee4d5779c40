using ReturnMonitor.Monitoring.Sections.ModelHealth;
using ReturnMonitor.Monitoring.Sections.Money;
using ReturnMonitor.Monitoring.Sections.Quality;

namespace ReturnMonitor.Monitoring.Sections;

/// <summary>
/// The sections a monitor computes, in order (the order of the JSON properties, terminal blocks and dashboard panels
/// they add). Immutable: <see cref="With"/> returns a new registry, as <c>DriftMethodRegistry</c> does for drift
/// statistics.
/// </summary>
public sealed class CheckSectionRegistry
{
    private readonly ICheckSection[] sections;

    private CheckSectionRegistry(ICheckSection[] sections) => this.sections = sections;

    /// <summary>The sections every monitor computes: model health, money, data quality (the order of their JSON properties, text blocks and cards).</summary>
    public static CheckSectionRegistry Default { get; } = new([new ModelHealthSection(), new MoneySection(), new DataQualitySection()]);

    /// <summary>No sections beyond the built-in drift and findings (a check without model health, money and data quality, and without their findings).</summary>
    public static CheckSectionRegistry Empty { get; } = new([]);

    /// <summary>The registered sections in order.</summary>
    public IReadOnlyList<ICheckSection> Sections => sections;

    /// <summary>A registry with <paramref name="section"/> added last.</summary>
    /// <exception cref="ArgumentException">A section with the same key is registered already.</exception>
    public CheckSectionRegistry With(ICheckSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (sections.Any(s => s.Key == section.Key))
        {
            throw new ArgumentException($"a check section with key '{section.Key}' is registered already", nameof(section));
        }

        return new([.. sections, section]);
    }
}
