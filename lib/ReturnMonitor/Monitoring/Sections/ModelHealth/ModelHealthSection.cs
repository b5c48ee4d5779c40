using System.Text.Json.Nodes;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>
/// Model health as a check section: realized and label-free estimated performance (CBPE, and when assessed the
/// reliability of the estimate), prediction drift and the domain classifier. Its value is the <see cref="ModelCheck"/>
/// of the monitor's one scoring pass (<see cref="SectionInput.Model"/>), which money and the findings read too — so
/// the check also keeps it as <see cref="BatchCheck.Model"/>. JSON: <c>warnings</c> (only for a model that is no use),
/// <c>performance</c>, <c>predictionDrift</c>, <c>multivariate</c> (docs/model-aware-monitoring.md).
/// </summary>
public sealed class ModelHealthSection : CheckSection<ModelCheck>
{
    /// <summary>The section's key.</summary>
    public const string SectionKey = "modelHealth";

    /// <inheritdoc/>
    public override string Key => SectionKey;

    /// <inheritdoc/>
    public override ModelCheck? Compute(SectionInput input) => input.Model;

    /// <inheritdoc/>
    public override void WriteJson(JsonObject root, ModelCheck value) => ModelHealthJson.AddTo(root, value);

    /// <inheritdoc/>
    public override SectionText Text(ModelCheck value) => ModelHealthText.Of(value);

    /// <inheritdoc/>
    public override string Card(int batch, ModelCheck value) => ModelHealthCard.Render(batch, value);
}
