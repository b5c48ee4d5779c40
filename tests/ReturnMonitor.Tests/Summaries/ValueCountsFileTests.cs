using System.Text;
using Parquet;
using Parquet.Schema;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>
/// Count files (feature,value,count) rebuild exactly the summary our reader builds from the rows, whatever the split into
/// files; every malformed input is one error naming file and line, exit code 1 in the CLI.
/// </summary>
public class ValueCountsFileTests
{
    private const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered";

    // Three orders counted by hand: every feature's counts add up to rows = 3, two of the orders were returned.
    private const string Tiny =
        "feature,value,count\n" +
        "rows,all,3\n" +
        "product_price,10,2\nproduct_price,12.5,1\n" +
        "customer_purchase_history,0,3\n" +
        "review_rating,3.2,1\nreview_rating,4,2\n" +
        "delivery_time_days,6,3\n" +
        "discount_percentage,31,3\n" +
        "previous_returns,1,3\n" +
        "days_since_purchase,1,3\n" +
        "product_category,Clothing,2\nproduct_category,Beauty,1\n" +
        "size_ordered,L,2\nsize_ordered,NA,1\n" +
        "returned,0,1\nreturned,1,2\n";

    private const string TinyRows =
        Header + "\n" +
        "10,0,3.2,6,31,1,1,0,Clothing,L\n" +
        "10,0,4,6,31,1,1,1,Clothing,L\n" +
        "12.5,0,4,6,31,1,1,1,Beauty,NA\n";

    private static DatasetSummary TrainSummary => OrderFile.Summarize(Path.Combine(TestPaths.Data, "train.csv"), "train");

    private static string Json(DatasetSummary summary) => new ReferenceProfile(summary.WithSource("x")).ToJson();

    private static string TempFile(string content, string extension = ".csv")
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "counts" + extension);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string WriteCounts(DatasetSummary summary)
    {
        var text = new StringWriter();
        ValueCountsFile.Write(summary, text);
        return text.ToString();
    }

    [Fact]
    public void Hand_counted_file_gives_the_summary_of_the_rows()
    {
        var fromCounts = ValueCountsFile.Read([TempFile(Tiny)]);
        var fromRows = DatasetSummary.Of(OrderCsv.Parse(TinyRows));
        Assert.Equal(Json(fromRows), Json(fromCounts));
        Assert.Equal(3, fromCounts.Rows);
        Assert.Equal(2, fromCounts.Returned);
        Assert.Equal(1, fromCounts.Categorical[OrderSchema.SizeOrdered]["NA"]);
    }

    [Fact]
    public void Written_counts_read_back_to_the_identical_summary()
    {
        var summary = TrainSummary;
        Assert.Equal(Json(summary), Json(ValueCountsFile.Read([TempFile(WriteCounts(summary))])));
    }

    [Fact]
    public void Counts_of_four_partitions_in_four_files_or_concatenated_in_one_equal_the_whole()
    {
        var rows = File.ReadAllLines(Path.Combine(TestPaths.Data, "train.csv"));
        var parts = Enumerable.Range(0, 4)
            .Select(p => WriteCounts(DatasetSummary.Of(OrderCsv.Parse(string.Join('\n', rows.Skip(1).Where((_, i) => i % 4 == p).Prepend(rows[0])) + "\n"))))
            .ToArray();
        var expected = Json(TrainSummary);

        Assert.Equal(expected, Json(ValueCountsFile.Read(parts.Select(p => TempFile(p)).ToArray())));
        // cat part-*.csv > all.csv: the repeated header lines are skipped.
        Assert.Equal(expected, Json(ValueCountsFile.Read([TempFile(string.Concat(parts))])));
    }

    [Fact]
    public void Text_forms_of_one_number_and_padded_categories_are_one_value()
    {
        var variant = Tiny
            .Replace("product_price,10,2\n", "product_price,10,1\nproduct_price, 1.0E1 ,1\n")
            .Replace("product_category,Clothing,2\n", "product_category,Clothing,1\nproduct_category,\" Clothing\",1\n")
            .Replace("returned,1,2\n", "returned,1.0,1\nreturned,true,1\n");
        Assert.Equal(Json(ValueCountsFile.Read([TempFile(Tiny)])), Json(ValueCountsFile.Read([TempFile(variant)])));
    }

    [Fact]
    public void A_batch_builder_counts_valueless_records_as_gaps_that_still_add_up_to_the_rows()
    {
        ValueCountsBuilder Gappy(MissingCells missing)
        {
            var builder = new ValueCountsBuilder { MissingCells = missing };
            foreach (var line in Tiny.Split('\n').Skip(1).Where(l => l.Length > 0 && !l.StartsWith("delivery_time_days", StringComparison.Ordinal)))
            {
                var f = line.Split(',');
                builder.Add(f[0], f[1], f[2], "tiny.csv", null);
            }

            builder.Add(OrderSchema.DeliveryTimeDays, "6", 2, "tiny.csv", null);
            return builder;
        }

        // Two delivery times and one NULL: the rows of TinyRows with the third delivery time left empty.
        var allowed = Gappy(MissingCells.Allow);
        allowed.Add(OrderSchema.DeliveryTimeDays, null, 1, "tiny.csv", null);
        var fromRows = OrderFile.Summarize(TempFile(TinyRows.Replace("12.5,0,4,6,", "12.5,0,4,,")), "t", new SummarizeOptions { MissingCells = MissingCells.Allow });
        Assert.Equal(Json(fromRows), Json(allowed.Build("t", "tiny.csv")));
        Assert.Equal(1, allowed.Build("t", "tiny.csv").Missing[OrderSchema.DeliveryTimeDays]);

        // Without the gap record the delivery counts fall one short of the rows; by default a gap is an error.
        Assert.Contains("add up to 2 orders", Assert.Throws<DataFormatException>(() => Gappy(MissingCells.Allow).Build("t", "tiny.csv")).Message, StringComparison.Ordinal);
        Assert.Throws<DataFormatException>(() => Gappy(MissingCells.Reject).Add(OrderSchema.DeliveryTimeDays, null, 1, "tiny.csv", null));
        Assert.Throws<DataFormatException>(() => Gappy(MissingCells.Allow).Add(OrderSchema.Target, "", 1, "tiny.csv", null));
    }

    [Fact]
    public void Without_returned_counts_the_summary_is_unlabelled()
    {
        var unlabelled = string.Concat(Tiny.Split('\n').Where(l => !l.StartsWith("returned,", StringComparison.Ordinal)).Select(l => l.Length == 0 ? "" : l + "\n"));
        var summary = ValueCountsFile.Read([TempFile(unlabelled)]);
        Assert.Null(summary.Returned);
        Assert.Equal(3, summary.Rows);
    }

    [Fact]
    public void No_orders_is_an_empty_summary_not_an_error()
    {
        var summary = ValueCountsFile.Read([TempFile("feature,value,count\nrows,all,0\n")]);
        Assert.Equal(0, summary.Rows);
        Assert.Equal(0, summary.Numeric[OrderSchema.ProductPrice].Count);
    }

    [Fact]
    public async Task Parquet_count_file_gives_the_same_summary_as_csv()
    {
        var records = Tiny.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        var path = Path.Combine(CliRunner.TempDirectory(), "counts.parquet");
        var feature = new DataField<string>("feature");
        var value = new DataField<string>("value");
        var count = new DataField<long>("count", false);
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(feature, value, count), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(feature, records.Select(r => r[0]).ToArray());
            await group.WriteAsync(value, records.Select(r => r[1]).ToArray());
            await group.WriteAsync<long>(count, records.Select(r => long.Parse(r[2])).ToArray().AsMemory());
            group.CompleteValidate();
        }

        Assert.Equal(Json(ValueCountsFile.Read([TempFile(Tiny)])), Json(ValueCountsFile.Read([path])));
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "unknown feature", Tiny.Replace("days_since_purchase,1,3", "days_since_order,1,3"), ":11: column 'feature': 'days_since_order' is not a feature of the order schema" },
        { "negative count", Tiny.Replace("previous_returns,1,3", "previous_returns,1,-3"), ":10: column 'count': '-3' is not a non-negative integer (feature 'previous_returns')" },
        { "fractional count", Tiny.Replace("delivery_time_days,6,3", "delivery_time_days,6,2.5"), ":8: column 'count': '2.5' is not a non-negative integer (feature 'delivery_time_days')" },
        { "unparsable value", Tiny.Replace("review_rating,4,2", "review_rating,four,2"), ":7: column 'value': 'four' is not a number (feature 'review_rating')" },
        { "value out of range", Tiny.Replace("review_rating,4,2", "review_rating,7,2"), ":7: column 'value': '7' must be between 1 and 5 (feature 'review_rating')" },
        { "empty value", Tiny.Replace("size_ordered,NA,1", "size_ordered,,1"), ":15: column 'value': 1 order has no value (empty or NULL); every order needs one (use NA for \"no size\") (feature 'size_ordered')" },
        { "label not 0 or 1", Tiny.Replace("returned,1,2", "returned,2,2"), ":17: column 'value': '2' is not 0 or 1 (feature 'returned')" },
        { "wrong field count", Tiny.Replace("product_price,12.5,1", "product_price,12.5"), ":4: expected 3 fields (feature,value,count), found 2" },
        { "bad header", Tiny.Replace("feature,value,count", "feature,value,n"), ":1: the header must be feature,value,count (any order), found 'feature,value,n'" },
        { "bad rows value", Tiny.Replace("rows,all,3", "rows,,3"), ":2: column 'value': the 'rows' record must have the value 'all', found ''" },
        { "feature missing", Tiny.Replace("size_ordered,L,2\nsize_ordered,NA,1\n", ""), ": feature 'size_ordered' has no counts, but 'rows' says 3 orders: every feature must be counted" },
        { "feature incomplete", Tiny.Replace("product_price,12.5,1\n", ""), ": the counts of feature 'product_price' add up to 2 orders, but 'rows' says 3: a part of the counts is missing or counted twice" },
        { "labels incomplete", Tiny.Replace("returned,0,1\n", ""), ": the counts of feature 'returned' add up to 2 orders, but 'rows' says 3: a part of the counts is missing or counted twice" },
        { "row count missing", Tiny.Replace("rows,all,3\n", ""), ": no 'rows' record: the number of orders is required" },
        { "empty file", "", ": the file is empty: expected the header line feature,value,count" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_counts_are_one_error_naming_file_and_line_with_exit_code_1(string problem, string content, string expected)
    {
        var path = TempFile(content);
        var (code, stdout, stderr) = CliRunner.Run("profile", "--counts", path, "--out", Path.Combine(CliRunner.TempDirectory(), "p.json"));
        Assert.True(code == 1, problem);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {path}{expected}", stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_missing_count_file_is_one_error()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "none.csv");
        var (code, _, stderr) = CliRunner.Run("profile", "--counts", path, "--out", Path.Combine(CliRunner.TempDirectory(), "p.json"));
        Assert.Equal(1, code);
        Assert.Equal($"error: {path}: file not found\n", stderr);
    }

    [Fact]
    public void Counts_and_data_together_are_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("profile", "--counts", TempFile(Tiny), "--data", Path.Combine(TestPaths.Data, "train.csv"), "--out", "p.json");
        Assert.Equal(1, code);
        Assert.Equal("error: give either --data or --counts\n", stderr);
    }
}
