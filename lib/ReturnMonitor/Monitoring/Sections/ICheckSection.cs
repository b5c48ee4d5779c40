using System.Text.Json.Nodes;

namespace ReturnMonitor.Monitoring.Sections;

/// <summary>
/// One section of the batch check as one unit: its computation and its three renderings (JSON, terminal, dashboard
/// card). The monitor computes every registered section (<see cref="CheckSectionRegistry"/>,
/// <see cref="BatchMonitor.Sections"/>) and the check carries the results (<see cref="BatchCheck.Sections"/>) in
/// registration order; the renderers write each one where sections go, without knowing it. Implement it through
/// <see cref="CheckSection{T}"/>, which types the value; renderings never recompute.
/// </summary>
public interface ICheckSection
{
    /// <summary>The section's name: camelCase, unique in a registry; used in element ids (and, by convention, as its JSON property).</summary>
    string Key { get; }

    /// <summary>The section's value for one batch, or null when the batch has none (no model, only a summary, …).</summary>
    object? Compute(SectionInput input);

    /// <summary>Adds the section's properties to the check's JSON object (after the drift fields, before the findings).</summary>
    void WriteJson(JsonObject root, object value);

    /// <summary>The section in the terminal (after the drift table).</summary>
    SectionText Text(object value);

    /// <summary>
    /// The section's card in the dashboard's row of headline cards (after the overview deltas), HTML-escaped; empty for
    /// none. Money and data quality are headline numbers; model health is a panel (<see cref="Card"/>).
    /// </summary>
    /// <param name="batch">Index of the batch on the page, for element ids.</param>
    string Tile(int batch, object value);

    /// <summary>The section's panel on the dashboard, HTML-escaped (after the key findings); empty for none.</summary>
    /// <param name="batch">Index of the batch on the page, for element ids.</param>
    string Card(int batch, object value);
}
