using Parquet;
using Parquet.Schema;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;
using static ReturnMonitor.Tests.Summaries.StreamingSupport;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>Parquet input: same columns as CSV, same summaries, same drift report.</summary>
public class ParquetTests
{
    [Theory]
    [InlineData(1 << 20)]
    [InlineData(333)]
    public void Round_trip_equals_the_csv_file(int rowGroupSize)
    {
        var csv = Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv");
        var table = OrderCsv.Read(csv);
        var path = TempPath(".parquet");
        try
        {
            OrderParquet.Write(table, path, rowGroupSize);
            var back = OrderParquet.Read(path);

            Assert.Equal(table.Count, back.Count);
            foreach (var feature in OrderSchema.NumericFeatures)
            {
                Assert.Equal(table.Numeric(feature.Name).ToArray(), back.Numeric(feature.Name).ToArray());
            }

            foreach (var feature in OrderSchema.CategoricalFeatures)
            {
                Assert.Equal(table.Categorical(feature.Name), back.Categorical(feature.Name));
            }

            Assert.Equal(table.Returned.ToArray(), back.Returned.ToArray());
            AssertSame(DatasetSummary.Of(table), OrderFile.Summarize(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Drift_on_a_parquet_batch_and_reference_equals_drift_on_the_csv_files()
    {
        var directory = CliRunner.TempDirectory();
        var reference = Path.Combine(directory, "train.parquet");
        var current = Path.Combine(directory, "batch.parquet");
        OrderParquet.Write(OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv")), reference, 1000);
        OrderParquet.Write(OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_3_supply_crisis.csv")), current);

        var fromCsv = CliRunner.Run("drift", "--reference", Path.Combine(TestPaths.Data, "train.csv"), "--current", Path.Combine(TestPaths.Data, "batch_3_supply_crisis.csv"), "--format", "json");
        var fromParquet = CliRunner.Run("drift", "--reference", reference, "--current", current, "--format", "json");

        Assert.Equal(0, fromParquet.ExitCode);
        Assert.Equal("", fromParquet.Err);
        Assert.Equal(WithoutNames(fromCsv.Out), WithoutNames(fromParquet.Out));
    }

    [Fact]
    public void Integer_columns_unlabelled_files_and_bad_values_are_handled_with_row_and_column()
    {
        var path = TempPath(".parquet");
        try
        {
            WriteCustom(path, rating: [3, 4, 5], price: [10, 20, 30]);
            var summary = OrderFile.Summarize(path, "p.parquet");
            Assert.Equal(3, summary.Rows);
            Assert.Null(summary.Returned);
            Assert.Equal([3.0, 4, 5], summary.Numeric[OrderSchema.ReviewRating].Values.ToArray());

            WriteCustom(path, rating: [3, 4, 9], price: [10, 20, 30]);
            Assert.Equal("p.parquet:3: column 'review_rating': '9' must be between 1 and 5", ErrorOf(() => OrderFile.Summarize(path, "p.parquet")));
            Assert.Equal("p.parquet:3: column 'review_rating': '9' must be between 1 and 5", ErrorOf(() => OrderParquet.Read(path, "p.parquet")));

            var (code, _, err) = CliRunner.Run("drift", "--reference", Path.Combine(TestPaths.Data, "train.csv"), "--current", path);
            Assert.Equal(1, code);
            Assert.StartsWith("error: ", err);
            Assert.Contains("column 'review_rating': '9' must be between 1 and 5", err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Missing_columns_and_non_parquet_files_are_one_line_errors()
    {
        var path = TempPath(".parquet");
        try
        {
            File.WriteAllText(path, "not parquet");
            Assert.StartsWith("p.parquet: not a readable Parquet file", ErrorOf(() => OrderFile.Summarize(path, "p.parquet")));

            await using (var stream = File.Create(path))
            {
                var field = new DataField<double>(OrderSchema.ProductPrice, false);
                var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream);
                using (var group = writer.CreateRowGroup())
                {
                    await group.WriteAsync<double>(field, new double[] { 1, 2 }.AsMemory());
                }

                await writer.DisposeAsync();
            }

            Assert.Equal("p.parquet: column 'customer_purchase_history': required column is missing from the Parquet schema", ErrorOf(() => OrderFile.Summarize(path, "p.parquet")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string WithoutNames(string json) =>
        string.Join('\n', json.Split('\n').Where(l => !l.TrimStart().StartsWith("\"reference\": \"", StringComparison.Ordinal) && !l.TrimStart().StartsWith("\"current\": \"", StringComparison.Ordinal)));

    // A file with int rating and long price columns, no 'returned', an extra column, columns in another order.
    private static void WriteCustom(string path, int[] rating, long[] price)
    {
        var n = rating.Length;
        var fields = new List<(DataField Field, Action<ParquetRowGroupWriter> Write)>();
        void Add<T>(DataField<T> field, T[] values) where T : struct =>
            fields.Add((field, g => g.WriteAsync<T>(field, values.AsMemory()).GetAwaiter().GetResult()));
        void AddText(DataField<string> field, string[] values) =>
            fields.Add((field, g => g.WriteAsync(field, values).GetAwaiter().GetResult()));

        AddText(new DataField<string>("note"), Enumerable.Repeat("x", n).ToArray());
        Add(new DataField<int>(OrderSchema.ReviewRating, false), rating);
        Add(new DataField<long>(OrderSchema.ProductPrice, false), price);
        foreach (var feature in OrderSchema.NumericFeatures.Where(f => f.Name is not (OrderSchema.ReviewRating or OrderSchema.ProductPrice)))
        {
            Add(new DataField<double>(feature.Name, false), Enumerable.Repeat(1.0, n).ToArray());
        }

        AddText(new DataField<string>(OrderSchema.ProductCategory), Enumerable.Repeat("Beauty", n).ToArray());
        AddText(new DataField<string>(OrderSchema.SizeOrdered), Enumerable.Repeat("NA", n).ToArray());

        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields.Select(f => (Field)f.Field)), stream).GetAwaiter().GetResult();
        using (var group = writer.CreateRowGroup())
        {
            foreach (var (_, write) in fields)
            {
                write(group);
            }
        }

        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
