using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Data;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// A profile of another schema carries that schema (JSON <c>"schema"</c>) and its features; read back, it compares a
/// batch read against it. A profile of the demo's columns carries none, so its bytes are those of before.
/// </summary>
public sealed class ProfileSchemaTests
{
    [Fact]
    public void A_profile_of_another_shape_round_trips_with_its_schema()
    {
        var path = OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: true), "a.csv");
        var schema = SchemaInference.Infer(path).Schema;
        var profile = new ReferenceProfile(DatasetSummary.Of(SchemaReader.Read(path, schema)), schema);

        var json = profile.ToJson();
        var read = ReferenceProfile.FromJson(json, "profile.json");

        Assert.Equal(json, read.ToJson());
        Assert.NotNull(read.Schema);
        Assert.Equal(SchemaFile.ToJson(schema), SchemaFile.ToJson(read.Schema!));
        Assert.Equal(["Product_Price", "customer_tenure_days", "payment_method"], read.Summary.Features.Select(f => f.Name));
        Assert.Equal("Return_Status", JsonNode.Parse(json)!["schema"]!["columns"]!.AsArray().Single(c => (string?)c!["role"] == "target")!["name"]!.GetValue<string>());

        var batch = SchemaReader.Read(OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: false), "b.csv"), read.ReadSchema, MissingCells.Allow);
        var report = read.Compare(batch);
        Assert.Equal(3, report.Features.Count);
        Assert.Null(report.Find(OrderSchema.ProductPrice));
    }

    [Fact]
    public void A_demo_profile_carries_no_schema_and_keeps_its_bytes()
    {
        var table = OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_1_normal.csv"));
        var before = new ReferenceProfile(DatasetSummary.Of(table)).ToJson();
        var withDemoSchema = new ReferenceProfile(DatasetSummary.Of(table), DemoSchema.Schema).ToJson();

        Assert.Equal(before, withDemoSchema);
        Assert.Null(JsonNode.Parse(before)!["schema"]);
        Assert.Same(DemoSchema.Schema, ReferenceProfile.FromJson(before).ReadSchema);
    }
}
