using System.Text.Json.Nodes;

namespace ReturnMonitor.Monitoring.Sections;

/// <summary>
/// The typed base of a check section (<see cref="ICheckSection"/>): compute a <typeparamref name="T"/> from a batch,
/// render it three ways. A new section is one folder (this class's subclass, its record, its renderings) plus one
/// <see cref="CheckSectionRegistry.With"/>:
/// <code>var monitor = new BatchMonitor(profile) { Sections = CheckSectionRegistry.Default.With(new MySection()) };</code>
/// </summary>
/// <typeparam name="T">The section's result (a record).</typeparam>
public abstract class CheckSection<T> : ICheckSection
    where T : class
{
    /// <inheritdoc/>
    public abstract string Key { get; }

    /// <summary>The section's value for one batch, or null when the batch has none.</summary>
    public abstract T? Compute(SectionInput input);

    /// <summary>Adds the section's properties to the check's JSON object.</summary>
    public abstract void WriteJson(JsonObject root, T value);

    /// <summary>The section in the terminal.</summary>
    public abstract SectionText Text(T value);

    /// <summary>The section's card in the dashboard's headline row, HTML-escaped; none (empty) unless overridden.</summary>
    public virtual string Tile(int batch, T value) => "";

    /// <summary>The section's dashboard panel, HTML-escaped.</summary>
    public abstract string Card(int batch, T value);

    object? ICheckSection.Compute(SectionInput input) => Compute(input);

    void ICheckSection.WriteJson(JsonObject root, object value) => WriteJson(root, (T)value);

    SectionText ICheckSection.Text(object value) => Text((T)value);

    string ICheckSection.Tile(int batch, object value) => Tile(batch, (T)value);

    string ICheckSection.Card(int batch, object value) => Card(batch, (T)value);
}
