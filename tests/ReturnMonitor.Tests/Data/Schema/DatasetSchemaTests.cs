using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Tests.Data.Schema;

/// <summary>
/// The committed <c>data/schema.json</c> is the static <see cref="OrderSchema"/> as data (so the next step can swap one
/// for the other), the file format round-trips byte for byte, and every error names the file and the property.
/// </summary>
public sealed class DatasetSchemaTests
{
    private static string DemoSchemaPath => Path.Combine(TestPaths.Data, SchemaFile.FileName);

    [Fact]
    public void The_demo_schema_file_equals_the_static_order_schema()
    {
        var schema = SchemaFile.Read(DemoSchemaPath);

        Assert.Equal(OrderSchema.ColumnOrder, schema.Columns.Select(c => c.Name));
        Assert.Equal(OrderSchema.Target, schema.Target!.Name);
        Assert.True(schema.Target.IsPositive("1"));
        Assert.False(schema.Target.IsPositive("0"));
        Assert.Null(schema.Timestamp);
        // Names, kinds, bounds and descriptions, numeric first then categorical, as the existing layers list them.
        Assert.Equal(OrderSchema.Features, schema.FeatureDefinitions());
        Assert.Equal(OrderSchema.NumericFeatures.Select(f => f.Name), schema.NumericFeatures.Select(c => c.Name));
        Assert.Equal(OrderSchema.CategoricalFeatures.Select(f => f.Name), schema.CategoricalFeatures.Select(c => c.Name));
        Assert.Equal(OrderSchema.ProductPrice, schema.WithMeaning(ColumnMeaning.Price)!.Name);
        Assert.Equal(OrderSchema.DiscountPercentage, schema.WithMeaning(ColumnMeaning.DiscountPercent)!.Name);
        Assert.Equal(OrderSchema.DeliveryTimeDays, schema.WithMeaning(ColumnMeaning.DeliveryDays)!.Name);
        Assert.Equal(OrderSchema.SizeOrdered, schema.WithMeaning(ColumnMeaning.Size)!.Name);
        Assert.Equal(OrderSchema.ProductCategory, schema.WithMeaning(ColumnMeaning.Category)!.Name);
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_bytes()
    {
        var text = File.ReadAllText(DemoSchemaPath);
        Assert.Equal(text, SchemaFile.ToJson(SchemaFile.Parse(text, "schema.json")));

        var capped = new DatasetSchema(
        [
            new SchemaColumn("", ColumnRole.Ignored) { Reason = "empty header (an index column)" },
            new SchemaColumn("InvoiceDate", ColumnRole.Timestamp) { Format = TimestampFormat.MonthFirst },
            new SchemaColumn("Country", ColumnRole.Categorical) { MaxCategories = 2, Categories = ["United Kingdom", "France"] },
            new SchemaColumn("Return_Status", ColumnRole.Target) { Positive = "Returned" },
            new SchemaColumn("Quantity", ColumnRole.Numeric) { Minimum = -0.5, Maximum = 1e6 },
        ]);
        var json = SchemaFile.ToJson(capped);
        var back = SchemaFile.Parse(json, "x.json");
        Assert.Equal(json, SchemaFile.ToJson(back));
        Assert.Equal(["United Kingdom", "France"], back.Find("Country")!.Categories!);
        Assert.Equal(-0.5, back.Find("Quantity")!.Minimum);
        Assert.Equal("M/d/yyyy", back.Timestamp!.Format);
    }

    [Fact]
    public void Comments_trailing_commas_and_a_bare_positive_are_accepted()
    {
        var schema = SchemaFile.Parse("""
            { // edited by hand
              "version": 1,
              "columns": [ { "name": "returned", "role": "target", "positive": 1, }, ],
            }
            """, "s.json");
        Assert.Equal("1", schema.Target!.Positive);
    }

    [Theory]
    [InlineData("""{"version":1,"columns":[{"name":"a","rol":"numeric"}]}""", "s.json: 'columns[0].rol': unknown property")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"number"}]}""", "s.json: 'columns[0] ('a').role': 'number' is not one of numeric, categorical")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"numeric","meaning":"cost"}]}""", "'columns[0] ('a').meaning': 'cost' is not one of price, discount_percent")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"numeric","min":"0"}]}""", "'columns[0] ('a').min': must be a number, not \"0\"")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"numeric","min":5,"max":1}]}""", "s.json: column 'a': 'min' 5 is above 'max' 1")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"categorical","min":0}]}""", "column 'a': 'min' applies to numeric columns only")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"target"}]}""", "column 'a': 'positive' is required on the target")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"numeric","meaning":"size"}]}""", "column 'a': 'meaning' 'size' needs a categorical column")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"numeric"},{"name":"a","role":"numeric"}]}""", "column 'a' appears twice")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"timestamp","format":"yyyy"}]}""", "column 'a': 'format' must be one of iso, M/d/yyyy, d/M/yyyy")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"categorical","maxCategories":1,"categories":["x","y"]}]}""", "'categories' holds more than 'maxCategories' values")]
    [InlineData("""{"version":2,"columns":[]}""", "s.json: 'version': 2 is not supported")]
    [InlineData("""{"columns":[]}""", "s.json: 'version': is required")]
    [InlineData("""{"version":1,"columns":[{"name":"a","role":"target","positive":"1"},{"name":"b","role":"target","positive":"1"}]}""", "columns 'a' and 'b' are both target")]
    [InlineData("""{"version":1,""", "s.json:1: not valid JSON")]
    public void Errors_name_the_file_and_the_property(string json, string expected)
    {
        var error = Assert.Throws<DataFormatException>(() => SchemaFile.Parse(json, "s.json"));
        Assert.Contains(expected, error.Message);
        Assert.StartsWith("s.json", error.Message);
    }

    [Fact]
    public void A_missing_file_is_one_clear_error()
    {
        var error = Assert.Throws<DataFormatException>(() => SchemaFile.Read(Path.Combine(CliTempDirectory(), "nope.json")));
        Assert.EndsWith("nope.json: file not found", error.Message);
    }

    private static string CliTempDirectory() => ReturnMonitor.Tests.Cli.CliRunner.TempDirectory();
}
