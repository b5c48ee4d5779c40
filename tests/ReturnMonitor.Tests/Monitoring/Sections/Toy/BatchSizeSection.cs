using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ReturnMonitor.Monitoring.Sections;
using ReturnMonitor.Text;

namespace ReturnMonitor.Tests.Monitoring.Sections.Toy;

/// <summary>
/// A toy check section, the whole of it in this folder: the batch's size against the reference's, computed from the
/// batch's summary, rendered as a JSON object, a terminal table and a dashboard card. Registered by one
/// <c>CheckSectionRegistry.With</c> in <see cref="CheckSectionTests"/>.
/// </summary>
public sealed class BatchSizeSection : CheckSection<BatchSize>
{
    public override string Key => "batchSize";

    public override BatchSize? Compute(SectionInput input) =>
        new(input.Summary.Rows, input.Monitor.Profile.Summary.Rows);

    public override void WriteJson(JsonObject root, BatchSize value) => root[Key] = new JsonObject
    {
        ["orders"] = value.Orders,
        ["referenceOrders"] = value.ReferenceOrders,
        ["ratio"] = value.Ratio,
    };

    public override SectionText Text(BatchSize value) => new SectionText()
        .Line("Batch size against the reference")
        .Table(new SectionTable(
            [new("Orders", RightAligned: true), new("Reference orders", RightAligned: true), new("Ratio", RightAligned: true)],
            [[value.Orders.ToString(CultureInfo.InvariantCulture), value.ReferenceOrders.ToString(CultureInfo.InvariantCulture), NumberText.Fixed(value.Ratio, 3)]]));

    public override string Card(int batch, BatchSize value) =>
        $"<h3>Batch size</h3><p id=\"batch-size-{batch}\">{WebUtility.HtmlEncode($"{value.Orders} orders, {NumberText.Fixed(value.Ratio, 3)} of the reference")}</p>";
}
