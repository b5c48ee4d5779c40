using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Tests.Data.Schema;

/// <summary>
/// Schema inference on Parquet: the CSV's rules on the same values, the column types taken from the Parquet schema (a
/// text column of digits stays categorical). The files are written here with Parquet.Net.
/// </summary>
public sealed class ParquetSchemaInferenceTests
{
    private const int Rows = 300;

    private static readonly string[] Countries = ["United Kingdom", "France", "Germany", "EIRE"];

    [Fact]
    public void A_parquet_file_is_inferred_by_the_csv_rules_with_its_own_types()
    {
        var (parquet, csv) = Write();

        var fromParquet = SchemaInference.Infer(parquet);
        var fromCsv = SchemaInference.Infer(csv);

        Assert.Equal(Rows, fromParquet.Rows);
        Assert.Equal(
            [("order_ref", ColumnRole.Id), ("price", ColumnRole.Numeric), ("Country", ColumnRole.Categorical), ("quantity", ColumnRole.Numeric),
             ("product_code", ColumnRole.Categorical), ("returned", ColumnRole.Target), ("order_date", ColumnRole.Timestamp)],
            fromParquet.Schema.Columns.Select(c => (c.Name, c.Role)));
        // The same values as CSV give the same decisions, except the digits-only text column, which CSV cannot tell from a number.
        Assert.Equal(
            fromParquet.Schema.Columns.Select(c => (c.Name, c.Name == "product_code" ? ColumnRole.Numeric : c.Role)),
            fromCsv.Schema.Columns.Select(c => (c.Name, c.Role)));
        Assert.StartsWith("text in the Parquet schema, ", fromParquet.Schema.Find("product_code")!.Reason);
        Assert.Equal(fromCsv.Schema.Find("price")!.Reason, fromParquet.Schema.Find("price")!.Reason);
    }

    [Fact]
    public void Every_command_infers_a_parquet_file_of_another_shape_and_keeps_the_demos()
    {
        var (parquet, _) = Write();
        var demo = Path.Combine(Cli.CliRunner.TempDirectory(), "demo.parquet");
        OrderParquet.Write(OrderGenerator.Generate(Scenario.Baseline, 200, seed: 1), demo);

        var (schema, inferred) = SchemaChoice.For(parquet, null, new SchemaInferenceOptions());
        var (demoSchema, demoInferred) = SchemaChoice.For(demo, null, new SchemaInferenceOptions());

        Assert.NotNull(inferred);
        Assert.Equal(["price", "quantity", "Country", "product_code"], schema.FeatureDefinitions().Select(f => f.Name));
        Assert.Equal(DemoSchema.Schema.Columns, demoSchema.Columns);
        Assert.Null(demoInferred);

        // And the file reads against what was inferred: the text column of digits as categories, the gap as missing.
        var table = SchemaReader.Read(parquet, schema, MissingCells.Allow);
        Assert.Equal(Rows, table.Count);
        Assert.Equal("1003", table.Categorical("product_code")[3]);
        Assert.Equal(1, table.MissingCount("price"));
    }

    private static (string Parquet, string Csv) Write()
    {
        var directory = Cli.CliRunner.TempDirectory();
        var random = new Random(7);
        var reference = new string[Rows];
        var price = new double?[Rows];
        var country = new string[Rows];
        var quantity = new int[Rows];
        var code = new string[Rows];
        var returned = new int[Rows];
        var date = new DateTime[Rows];
        for (var i = 0; i < Rows; i++)
        {
            reference[i] = $"R-{i:00000}";
            price[i] = i == 17 ? null : Math.Round(random.NextDouble() * 100, 2);
            country[i] = Countries[random.Next(Countries.Length)];
            quantity[i] = random.Next(1, 12);
            code[i] = (1000 + (i % 10)).ToString(CultureInfo.InvariantCulture);
            returned[i] = random.NextDouble() < 0.2 ? 1 : 0;
            date[i] = new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(7 * i);
        }

        var fields = new DataField[]
        {
            new DataField<string>("order_ref"), new DataField<double?>("price"), new DataField<string>("Country"), new DataField<int>("quantity"),
            new DataField<string>("product_code"), new DataField<int>("returned"), new DataField<DateTime>("order_date"),
        };
        var parquet = Path.Combine(directory, "orders.parquet");
        using (var stream = File.Create(parquet))
        {
            var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
            using (var group = writer.CreateRowGroup())
            {
                group.WriteAsync(fields[0], reference).GetAwaiter().GetResult();
                group.WriteAsync<double>(fields[1], price.AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync(fields[2], country).GetAwaiter().GetResult();
                group.WriteAsync<int>(fields[3], quantity.AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync(fields[4], code).GetAwaiter().GetResult();
                group.WriteAsync<int>(fields[5], returned.AsMemory()).GetAwaiter().GetResult();
                group.WriteAsync<DateTime>(fields[6], date.AsMemory()).GetAwaiter().GetResult();
                group.CompleteValidate();
            }

            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        var text = new StringBuilder("order_ref,price,Country,quantity,product_code,returned,order_date\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{reference[i]},{price[i]?.ToString("R", CultureInfo.InvariantCulture)},{country[i]},{quantity[i]},{code[i]},{returned[i]},{date[i]:yyyy-MM-dd'T'HH:mm:ss}\n");
        }

        var csv = Path.Combine(directory, "orders.csv");
        File.WriteAllText(csv, text.ToString());
        return (parquet, csv);
    }
}
