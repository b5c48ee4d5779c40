using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Tests.Monitoring;

namespace ReturnMonitor.Tests.Modeling.AnySchema;

/// <summary>The model folder keeps its schema and the orders of a table of any shape.</summary>
public class ModelFolderAnySchemaTests
{
    [Fact]
    public void A_folder_writes_its_schema_and_reads_it_back_and_a_folder_without_one_is_the_demos()
    {
        var directory = Cli.CliRunner.TempDirectory();
        SmallModel.Folder.Save(directory);
        var path = Path.Combine(directory, ModelDirectory.SchemaFileName);

        Assert.True(File.Exists(path));
        Assert.Equal(SchemaFile.ToJson(DemoSchema.Schema), File.ReadAllText(path));
        Assert.Equal(SchemaFile.ToJson(DemoSchema.Schema), SchemaFile.ToJson(ModelDirectory.Load(directory).Schema));

        File.Delete(path);
        var old = ModelDirectory.Load(directory);
        Assert.Same(DemoSchema.Schema, old.Schema);
        Assert.Equal(DemoSchema.PriceFeature, old.Monitor.PriceFeature);
    }

    [Fact]
    public void A_folder_of_another_shape_is_trained_saved_loaded_and_checks_a_batch_with_its_price_meaning()
    {
        var schema = new DatasetSchema(
        [
            new SchemaColumn("basket_value", ColumnRole.Numeric) { Meaning = ColumnMeaning.Price },
            new SchemaColumn("channel", ColumnRole.Categorical),
            new SchemaColumn("tenure_days", ColumnRole.Numeric),
            new SchemaColumn("sku", ColumnRole.Categorical),
            new SchemaColumn("items", ColumnRole.Numeric),
            new SchemaColumn("Return_Status", ColumnRole.Target) { Positive = "Returned" },
        ]);
        var directory = Cli.CliRunner.TempDirectory();

        ModelDirectory.TrainTable(OtherShapeTables.Create(3000, 13), schema, directory);
        var folder = ModelDirectory.Load(directory);
        var check = new BatchMonitor(folder) { Multivariate = false }.Check(OtherShapeTables.Create(800, 14, valueShift: 40));

        Assert.Equal(SchemaFile.ToJson(schema), SchemaFile.ToJson(folder.Schema));
        Assert.Equal("basket_value", folder.Monitor.PriceFeature);
        Assert.NotNull(check.Money);
        Assert.DoesNotContain(check.Recommendation.Findings, f => f.Title.StartsWith("Flash-sale", StringComparison.Ordinal));
    }

    [Fact]
    public void The_demo_schema_is_the_committed_schema_file()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Data, "schema.json")), SchemaFile.ToJson(DemoSchema.Schema));
    }

    [Fact]
    public void Orders_of_another_shape_round_trip_with_gaps_quotes_and_labels()
    {
        var table = OtherShapeTables.Create(300, 4).WithCategorical("sku", [.. Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? "a, \"quoted\" sku" : i % 3 == 1 ? " padded " : "SKU" + i)]);
        var path = Path.Combine(Cli.CliRunner.TempDirectory(), "orders.csv");

        ModelFolderCsv.Write(table, path);
        var read = ModelFolderCsv.Read(path, OtherShapeTables.Features);

        Assert.Equal(table.Count, read.Count);
        foreach (var feature in table.NumericFeatures)
        {
            Assert.Equal(table.Numeric(feature.Name).ToArray(), read.Numeric(feature.Name).ToArray());
        }

        foreach (var feature in table.CategoricalFeatures)
        {
            Assert.Equal(table.Categorical(feature.Name), read.Categorical(feature.Name));
        }

        Assert.Equal(table.Returned.ToArray(), read.Returned.ToArray());
        Assert.StartsWith("basket_value,tenure_days,items,channel,sku,returned\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_of_other_columns_is_refused_with_its_file_and_line()
    {
        var path = Path.Combine(Cli.CliRunner.TempDirectory(), "held-out.csv");
        File.WriteAllText(path, "basket_value,tenure_days,items,channel,sku,returned\n1,2,x,web,s,1\n");

        var error = Assert.Throws<DataFormatException>(() => ModelFolderCsv.Read(path, OtherShapeTables.Features));
        Assert.Contains("held-out.csv:2", error.Message);
        Assert.Contains("'x' is not a number", error.Message);

        File.WriteAllText(path, "a,b\n1,2\n");
        Assert.Contains("not the model's features", Assert.Throws<DataFormatException>(() => ModelFolderCsv.Read(path, OtherShapeTables.Features)).Message);
    }

    [Fact]
    public void The_monitor_of_another_shape_saves_and_loads_its_orders_and_its_price_feature()
    {
        var data = OtherShapeTables.Create(2500, 9);
        var (model, _, test) = ModelTrainer.TrainAndEvaluate(data, importanceRepeats: 1);
        var monitor = ModelMonitor.Fit(model, test, data, "basket_value");
        var directory = Cli.CliRunner.TempDirectory();
        model.Save(directory);
        monitor.Save(directory);

        var loaded = ModelMonitor.Load(directory, ReturnModel.Load(directory), "basket_value");

        Assert.Equal(monitor.ReferenceReturns, loaded.ReferenceReturns);
        Assert.Equal(test.Numeric("tenure_days").ToArray(), loaded.HeldOut!.Numeric("tenure_days").ToArray());
        Assert.Equal(monitor.ReferenceSample!.Categorical("sku"), loaded.ReferenceSample!.Categorical("sku"));
        var returnedValue = Enumerable.Range(0, data.Count).Where(i => data.Returned[i]).Sum(i => data.Numeric("basket_value")[i]);
        Assert.Equal(returnedValue, loaded.ReferenceReturns!.ReturnedPriceSum, 6);
    }
}
