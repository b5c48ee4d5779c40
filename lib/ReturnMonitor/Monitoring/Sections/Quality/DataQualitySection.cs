using System.Text.Json.Nodes;

namespace ReturnMonitor.Monitoring.Sections.Quality;

/// <summary>
/// Data quality as a check section: missing, out-of-range and unseen values per feature against the reference, with
/// the alarm on a significant jump (<see cref="DataQualityCheck"/>, which stays in Monitoring's root because the
/// <c>evaluate</c> harness and the findings use it too). Computed for every batch, from orders or from a summary
/// alone. JSON: <c>dataQuality</c> (always); text and a headline card only when the batch has a gap, an unseen
/// category or an alarm (<see cref="DataQuality.Notable"/>), so a clean batch's text and dashboard stay as they were.
/// </summary>
public sealed class DataQualitySection : CheckSection<DataQuality>
{
    /// <summary>The section's key and JSON property.</summary>
    public const string SectionKey = "dataQuality";

    /// <inheritdoc/>
    public override string Key => SectionKey;

    /// <inheritdoc/>
    public override DataQuality? Compute(SectionInput input) => DataQualityCheck.Compare(input.Monitor.Profile.Summary, input.Summary, input.Imputed);

    /// <inheritdoc/>
    public override void WriteJson(JsonObject root, DataQuality value) => root[SectionKey] = DataQualityJson.ToNode(value);

    /// <inheritdoc/>
    public override SectionText Text(DataQuality value) => value.Notable ? DataQualityText.Of(value) : new SectionText();

    /// <inheritdoc/>
    public override string Tile(int batch, DataQuality value) => DataQualityCard.Render(batch, value);

    /// <inheritdoc/>
    public override string Card(int batch, DataQuality value) => "";
}
