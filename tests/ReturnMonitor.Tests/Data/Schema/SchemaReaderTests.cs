using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Data.Schema;

/// <summary>
/// Reading any table against a <see cref="DatasetSchema"/>: the roles decide what becomes a feature, the target's
/// positive value maps text labels to true/false, id/ignored/timestamp/empty-header columns are read past, a category
/// limit buckets the rest as (other), bounds are errors naming file, line and column, and the demo's schema reads through
/// the demo's own path (<see cref="ReadPlan.Demo"/>), giving the same table as before.
/// </summary>
public sealed class SchemaReaderTests
{
    private static readonly DatasetSchema Shape = new(
    [
        new SchemaColumn("", ColumnRole.Ignored),
        new SchemaColumn("order_id", ColumnRole.Id),
        new SchemaColumn("Product_Price", ColumnRole.Numeric) { Minimum = 0 },
        new SchemaColumn("payment_method", ColumnRole.Categorical) { MaxCategories = 2, Categories = ["card", "paypal"] },
        new SchemaColumn("customer_tenure_days", ColumnRole.Numeric),
        new SchemaColumn("InvoiceDate", ColumnRole.Timestamp) { Format = "M/d/yyyy" },
        new SchemaColumn("Description", ColumnRole.Ignored),
        new SchemaColumn("Return_Status", ColumnRole.Target) { Positive = "Returned" },
    ]);

    [Fact]
    public void Features_target_and_skipped_columns_follow_the_roles()
    {
        var table = SchemaReader.Parse(OtherShapeOrders.Csv(reference: true), Shape);

        Assert.Equal(400, table.Count);
        Assert.Equal(["Product_Price", "customer_tenure_days", "payment_method"], table.Features.Select(f => f.Name));
        Assert.Equal([FeatureKind.Numeric, FeatureKind.Numeric, FeatureKind.Categorical], table.Features.Select(f => f.Kind));
        Assert.Equal(5.0, table.Numeric("Product_Price")[0]);
        Assert.Equal(42.31, table.Numeric("Product_Price")[1]);
        // i·11 mod 9 = 0 exactly when i is a multiple of 9: 45 of the 400 orders are "Returned".
        Assert.Equal(45, table.Returned.ToArray().Count(r => r));
        Assert.True(table.Returned[0]);
        Assert.False(table.Returned[1]);
    }

    [Fact]
    public void Categories_beyond_the_kept_ones_count_as_other()
    {
        var table = SchemaReader.Parse(OtherShapeOrders.Csv(reference: true), Shape);
        var counts = CategoryCounts.FromValues(table.Categorical("payment_method"));

        // Of every ten orders: 5 card, 3 paypal, 1 invoice, 1 cash — the last two are (other).
        Assert.Equal(200, counts["card"]);
        Assert.Equal(120, counts["paypal"]);
        Assert.Equal(80, counts[DatasetSchema.OtherCategory]);
        Assert.Equal(0, counts["invoice"]);
    }

    [Fact]
    public void The_streaming_summary_equals_the_summary_of_the_table_read()
    {
        var path = OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: true), "a.csv");
        var table = SchemaReader.Read(path, Shape);

        var streamed = OrderFile.Summarize(path, options: new SummarizeOptions { Plan = SchemaReader.Plan(Shape), Workers = 2, BlockSize = 1024 });
        var whole = DatasetSummary.Of(table);

        Assert.Equal(whole.Features, streamed.Features);
        Assert.Equal(whole.Rows, streamed.Rows);
        Assert.Equal(whole.Returned, streamed.Returned);
        foreach (var feature in whole.NumericFeatures)
        {
            Assert.Equal(whole.Numeric[feature.Name].Values.ToArray(), streamed.Numeric[feature.Name].Values.ToArray());
            Assert.Equal(whole.Numeric[feature.Name].Counts.ToArray(), streamed.Numeric[feature.Name].Counts.ToArray());
        }

        Assert.Equal(whole.Categorical["payment_method"].Pairs, streamed.Categorical["payment_method"].Pairs);
    }

    [Fact]
    public void A_parquet_file_reads_against_the_schema_as_its_csv_does()
    {
        var table = SchemaReader.Parse(OtherShapeOrders.Csv(reference: true), Shape);
        var path = Path.Combine(CliTempFolder(), "a.parquet");
        OrderParquet.Write(table, path, rowGroupSize: 150);

        var read = SchemaReader.Read(path, Shape);
        var summary = OrderFile.Summarize(path, options: new SummarizeOptions { Plan = SchemaReader.Plan(Shape) });

        Assert.Equal(table.Numeric("Product_Price").ToArray(), read.Numeric("Product_Price").ToArray());
        Assert.Equal(table.Categorical("payment_method"), read.Categorical("payment_method"));
        Assert.Equal(400, summary.Rows);
        Assert.Equal(table.Features, summary.Features);
    }

    [Fact]
    public void A_value_out_of_bounds_names_file_line_and_column()
    {
        var csv = OtherShapeOrders.Csv(reference: true, (i, cells) =>
        {
            cells[2] = i == 6 ? "-3.50" : cells[2];
            return true;
        });

        var error = Assert.Throws<DataFormatException>(() => SchemaReader.Parse(csv, Shape, name: "orders.csv"));

        Assert.Equal("orders.csv", error.File);
        Assert.Equal(8, error.Line);
        Assert.Equal("Product_Price", error.Column);
        Assert.Contains("'-3.50' must be at least 0", error.Message);
    }

    [Fact]
    public void A_missing_feature_column_is_an_error_for_reference_data_and_all_missing_for_a_batch()
    {
        var csv = OtherShapeOrders.Csv(reference: true, (_, cells) => true, header => header.Select(h => h == "customer_tenure_days" ? "tenure" : h).ToArray());

        var error = Assert.Throws<DataFormatException>(() => SchemaReader.Parse(csv, Shape, name: "a.csv"));
        Assert.Equal("a.csv:1: column 'customer_tenure_days': required column is missing from the header", error.Message);

        var batch = SchemaReader.Parse(csv, Shape, MissingCells.Allow);
        Assert.Equal(400, batch.MissingCount("customer_tenure_days"));
        Assert.Equal(0, batch.MissingCount("Product_Price"));
    }

    [Fact]
    public void An_empty_label_is_an_error_and_other_labels_mean_not_returned()
    {
        var csv = OtherShapeOrders.Csv(reference: true, (i, cells) =>
        {
            cells[7] = i == 2 ? "" : i == 3 ? " returned " : cells[7];
            return true;
        });

        var error = Assert.Throws<DataFormatException>(() => SchemaReader.Parse(csv, Shape, name: "a.csv"));
        Assert.Equal(4, error.Line);
        Assert.Equal("Return_Status", error.Column);

        var relabelled = OtherShapeOrders.Csv(reference: true, (i, cells) =>
        {
            cells[7] = i == 3 ? " returned " : i == 4 ? "Kept" : cells[7];
            return true;
        });
        var table = SchemaReader.Parse(relabelled, Shape);
        Assert.True(table.Returned[3]);
        Assert.False(table.Returned[4]);
    }

    [Fact]
    public void The_demo_schema_reads_through_the_demo_path_and_equals_data_schema_json()
    {
        Assert.Same(ReadPlan.Demo, SchemaReader.Plan(DemoSchema.Schema));
        Assert.Same(ReadPlan.Demo, SchemaReader.Plan(SchemaFile.Read(Path.Combine(TestPaths.Data, SchemaFile.FileName))));
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Data, SchemaFile.FileName)), SchemaFile.ToJson(DemoSchema.Schema));

        var path = Path.Combine(TestPaths.Data, "batch_1_normal.csv");
        var before = OrderCsv.Read(path);
        var now = SchemaReader.Read(path, DemoSchema.Schema);
        Assert.Equal(before.Features, now.Features);
        foreach (var feature in OrderSchema.NumericFeatures)
        {
            Assert.Equal(before.Numeric(feature.Name).ToArray(), now.Numeric(feature.Name).ToArray());
        }

        Assert.Equal(before.Categorical(OrderSchema.SizeOrdered), now.Categorical(OrderSchema.SizeOrdered));
        Assert.Equal(before.Returned.ToArray(), now.Returned.ToArray());
    }

    [Fact]
    public void Inference_and_the_choice_of_schema()
    {
        var other = OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: true), "a.csv");
        var (schema, inferred) = SchemaChoice.For(other, null, new SchemaInferenceOptions());
        Assert.NotNull(inferred);
        Assert.Equal(["Product_Price", "customer_tenure_days", "payment_method"], schema.FeatureDefinitions().Select(f => f.Name));

        var (demo, none) = SchemaChoice.For(Path.Combine(TestPaths.Data, "train.csv"), null, new SchemaInferenceOptions());
        Assert.Same(DemoSchema.Schema, demo);
        Assert.Null(none);

        // An override means the columns are not assumed to be the demo's: the inference runs.
        var (_, ran) = SchemaChoice.For(Path.Combine(TestPaths.Data, "train.csv"), null, new SchemaInferenceOptions { Ignore = ["days_since_purchase"] });
        Assert.NotNull(ran);
        Assert.Throws<ArgumentException>(() => SchemaChoice.For(other, Path.Combine(TestPaths.Data, SchemaFile.FileName), new SchemaInferenceOptions { Target = "x" }));
    }

    [Fact]
    public void A_table_of_another_shape_is_written_as_csv_and_read_back()
    {
        var table = SchemaReader.Parse(OtherShapeOrders.Csv(reference: true), Shape);
        var text = new StringWriter { NewLine = "\n" };

        OrderCsv.Write(table, text);
        var back = OrderCsv.Parse(text.ToString(), "back.csv", plan: new ReadPlan(table.Features, OrderSchema.Target));

        Assert.StartsWith("Product_Price,customer_tenure_days,payment_method,returned\n", text.ToString());
        Assert.Equal(table.Numeric("Product_Price").ToArray(), back.Numeric("Product_Price").ToArray());
        Assert.Equal(table.Categorical("payment_method"), back.Categorical("payment_method"));
        Assert.Equal(table.Returned.ToArray(), back.Returned.ToArray());
    }

    private static string CliTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "rm-reader-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
