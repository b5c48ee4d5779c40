using FsCheck.Xunit;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using static ReturnMonitor.Tests.Summaries.StreamingSupport;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>
/// Batch files with empty cells: rejected by default with file/line/column, read with <see cref="MissingCells.Allow"/> as
/// missing values that are counted per feature and kept out of each feature's statistics, identically by the table reader
/// and the streaming summarisers (CSV and Parquet), in any split and merge order.
/// </summary>
public class MissingCellsTests
{
    // Rows 2-4: a gap in delivery_time_days (white space only), in product_category, and in three features at once.
    private const string Gappy =
        "12,0,3.2,6,31,10,1,0,Clothing,L\n" +
        "13,1,4,  ,0,0,2,1,Beauty,NA\n" +
        "14,2,5,3,0,0,3,0,,M\n" +
        ",3,,3,10,1,4,1,Sports,\n" +
        "15,4,1,2,20,0,5,0,Home_Decor,S\n";

    private static readonly SummarizeOptions Lenient = new() { MissingCells = MissingCells.Allow, BlockSize = 1024, Workers = 3 };

    [Fact]
    public void By_default_an_empty_cell_is_an_error_naming_file_line_and_column_in_both_readers()
    {
        var csv = Header + "\n" + Gappy;
        const string expected = "t.csv:3: column 'delivery_time_days': empty value: a number is required";
        Assert.Equal(expected, ErrorOf(() => OrderCsv.Parse(csv, "t.csv")));
        Assert.Equal(expected, ErrorOf(() => Stream(csv)));
    }

    [Fact]
    public void Allowed_gaps_are_NaN_or_the_missing_category_in_the_table_and_counted_in_the_summary()
    {
        var csv = Header + "\n" + Gappy;
        var table = OrderCsv.Parse(csv, "t.csv", MissingCells.Allow);

        Assert.Equal(5, table.Count);
        Assert.True(double.IsNaN(table.Numeric(OrderSchema.DeliveryTimeDays)[1]));
        Assert.True(table.IsMissing(OrderSchema.DeliveryTimeDays, 1));
        Assert.False(table.IsMissing(OrderSchema.DeliveryTimeDays, 0));
        Assert.Equal(OrderTable.MissingCategory, table.Categorical(OrderSchema.ProductCategory)[2]);
        Assert.True(table.IsMissing(OrderSchema.ProductCategory, 2));
        Assert.Equal(1, table.MissingCount(OrderSchema.ProductPrice));
        Assert.Equal(1, table.MissingCount(OrderSchema.SizeOrdered));
        Assert.Equal(0, table.MissingCount(OrderSchema.DiscountPercentage));

        var path = TempFile(csv);
        try
        {
            var summary = OrderFile.Summarize(path, "t.csv", Lenient);
            var expectedMissing = new Dictionary<string, long>
            {
                [OrderSchema.ProductPrice] = 1,
                [OrderSchema.CustomerPurchaseHistory] = 0,
                [OrderSchema.ReviewRating] = 1,
                [OrderSchema.DeliveryTimeDays] = 1,
                [OrderSchema.DiscountPercentage] = 0,
                [OrderSchema.PreviousReturns] = 0,
                [OrderSchema.DaysSincePurchase] = 0,
                [OrderSchema.ProductCategory] = 1,
                [OrderSchema.SizeOrdered] = 1,
            };
            Assert.Equal(expectedMissing.OrderBy(p => p.Key), summary.Missing.OrderBy(p => p.Key));
            Assert.Equal(5, summary.Rows);
            Assert.Equal(2, summary.Returned);

            // Statistics of the present values only: prices 12, 13, 14, 15; delivery times 6, 3, 3, 2.
            Assert.Equal([12.0, 13, 14, 15], summary.Numeric[OrderSchema.ProductPrice].Values.ToArray());
            Assert.Equal(4, summary.Numeric[OrderSchema.DeliveryTimeDays].Count);
            Assert.Equal(3.5, summary.Numeric[OrderSchema.DeliveryTimeDays].Mean);
            Assert.Equal(4, summary.Categorical[OrderSchema.ProductCategory].Total);
            Assert.DoesNotContain(OrderTable.MissingCategory, summary.Categorical[OrderSchema.ProductCategory].Pairs.Select(p => p.Key));

            AssertSame(DatasetSummary.Of(table), summary);
            AssertSame(DatasetSummary.Of(OrderCsv.Read(path, "t.csv", MissingCells.Allow)), OrderFile.Summarize(path, "t.csv", new SummarizeOptions { MissingCells = MissingCells.Allow, BlockSize = 1024, Workers = 1 }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("abc,0,3.2,6,31,10,1,0,Clothing,L", "t.csv:2: column 'product_price': 'abc' is not a number")]
    [InlineData("NaN,0,3.2,6,31,10,1,0,Clothing,L", "t.csv:2: column 'product_price': 'NaN' must be a finite number")]
    [InlineData("-1,0,3.2,6,31,10,1,0,Clothing,L", "t.csv:2: column 'product_price': '-1' must be at least 0")]
    [InlineData("10,0,7,6,31,10,1,0,Clothing,L", "t.csv:2: column 'review_rating': '7' must be between 1 and 5")]
    [InlineData("10,0,3,6,150,10,1,0,Clothing,L", "t.csv:2: column 'discount_percentage': '150' must be between 0 and 100")]
    [InlineData("10,0,3,6,31,10,1,,Clothing,L", "t.csv:2: column 'returned': '' is not 0 or 1")]
    [InlineData("10,0,3,6,31,10,1,0,Clothing", "t.csv:2: expected 10 fields as in the header, found 9")]
    public void Bad_values_and_an_empty_label_stay_errors_when_gaps_are_allowed(string row, string message)
    {
        var csv = Header + "\n" + row + "\n";
        Assert.Equal(message, ErrorOf(() => OrderCsv.Parse(csv, "t.csv", MissingCells.Allow)));
        var path = TempFile(csv);
        try
        {
            Assert.Equal(message, ErrorOf(() => OrderFile.Summarize(path, "t.csv", Lenient)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parquet_nulls_are_missing_values_when_allowed_and_errors_otherwise()
    {
        var table = OrderCsv.Parse(Header + "\n" + Gappy, "t.csv", MissingCells.Allow);
        var path = TempPath(".parquet");
        try
        {
            OrderParquet.Write(table, path, rowGroupSize: 2);

            Assert.Equal("p.parquet:2: column 'delivery_time_days': empty value: a number is required", ErrorOf(() => OrderParquet.Read(path, "p.parquet")));
            Assert.Equal("p.parquet:2: column 'delivery_time_days': empty value: a number is required", ErrorOf(() => OrderFile.Summarize(path, "p.parquet")));

            var back = OrderFile.Read(path, "p.parquet", MissingCells.Allow);
            foreach (var feature in OrderSchema.Features)
            {
                Assert.Equal(Enumerable.Range(0, table.Count).Select(r => table.IsMissing(feature.Name, r)), Enumerable.Range(0, back.Count).Select(r => back.IsMissing(feature.Name, r)));
            }

            AssertSame(DatasetSummary.Of(table), DatasetSummary.Of(back));
            AssertSame(DatasetSummary.Of(table), OrderFile.Summarize(path, "p.parquet", Lenient));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Random tables with random gaps: written as CSV or Parquet, read both ways with random blocks and threads, and summarised in random parts merged in random order.</summary>
    [Trait(Traits.Category, Traits.Slow)]
    [Property(MaxTest = 30)]
    public void Gappy_files_summarise_as_the_table_reader_and_parts_merge_into_the_whole(int seed)
    {
        var random = new Random(seed);
        var whole = WithGaps(OrderGenerator.Generate(Scenario.All[random.Next(Scenario.All.Count)], random.Next(1, 600), (ulong)(uint)seed), random);
        var expected = DatasetSummary.Of(whole);

        var path = TempPath(random.Next(2) == 0 ? ".csv" : ".parquet");
        try
        {
            if (OrderFile.IsParquet(path))
            {
                OrderParquet.Write(whole, path, rowGroupSize: random.Next(1, 200));
            }
            else
            {
                OrderCsv.Write(whole, path);
            }

            var options = new SummarizeOptions { MissingCells = MissingCells.Allow, BlockSize = random.Next(1024, 4096), Workers = random.Next(1, 5) };
            AssertSame(expected, DatasetSummary.Of(OrderFile.Read(path, "x", MissingCells.Allow)));
            AssertSame(expected, OrderFile.Summarize(path, "x", options));
        }
        finally
        {
            File.Delete(path);
        }

        var cuts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(0, whole.Count + 1)).Append(0).Append(whole.Count).Distinct().Order().ToArray();
        var parts = cuts.Zip(cuts.Skip(1), (a, b) => whole.Select(Enumerable.Range(a, b - a).ToArray())).OrderBy(_ => random.Next()).ToList();
        AssertSame(expected, parts.Select(DatasetSummary.Of).Aggregate(DatasetSummary.Combine), bothRoles: false);
        var builders = parts.Select(p => new DatasetSummaryBuilder("x").Add(p)).ToList();
        AssertSame(expected, builders.Aggregate((a, b) => random.Next(2) == 0 ? a.Merge(b) : b.Merge(a)).Build(), bothRoles: false);
        var fromSummaries = new DatasetSummaryBuilder("x");
        parts.ForEach(p => fromSummaries.Add(DatasetSummary.Of(p)));
        AssertSame(expected, fromSummaries.Build(), bothRoles: false);
    }

    [Fact]
    public void Profiles_keep_missing_counts_and_old_profiles_without_them_read_as_complete()
    {
        var summary = DatasetSummary.Of(OrderCsv.Parse(Header + "\n" + Gappy, "t.csv", MissingCells.Allow));
        var json = new ReferenceProfile(summary).ToJson();
        Assert.Contains("\"missing\": 1", json);
        Assert.Equal(json, ReferenceProfile.FromJson(json).ToJson());
        Assert.Equal(summary.Missing.OrderBy(p => p.Key), ReferenceProfile.FromJson(json).Summary.Missing.OrderBy(p => p.Key));

        // A profile of complete data has no "missing" field: the layout of version 1, which reads back as no gaps.
        var complete = new ReferenceProfile(DatasetSummary.Of(OrderGenerator.Generate(Scenario.Normal, 50, 3))).ToJson();
        Assert.DoesNotContain("missing", complete);
        Assert.All(ReferenceProfile.FromJson(complete).Summary.Missing.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public void A_character_outside_the_basic_plane_after_a_closing_quote_is_shown_whole_by_both_readers()
    {
        var csv = Header + "\n12,0,3,6,31,10,1,0,\"Clothing\"\U0001F600,L\n";
        const string expected = "t.csv:2: unexpected character '\U0001F600' after a closing quote";
        Assert.Equal(expected, ErrorOf(() => OrderCsv.Parse(csv, "t.csv")));
        Assert.Equal(expected, ErrorOf(() => Stream(csv)));
        Assert.Equal(expected, ErrorOf(() => Stream(csv, blockSize: 1024, workers: 3)));
    }

    // About 10% of each feature's cells blanked, sometimes none.
    private static OrderTable WithGaps(OrderTable table, Random random)
    {
        var rate = random.Next(3) == 0 ? 0 : 0.1;
        foreach (var feature in OrderSchema.NumericFeatures)
        {
            table = table.WithNumeric(feature.Name, table.Numeric(feature.Name).ToArray().Select(v => random.NextDouble() < rate ? double.NaN : v).ToArray());
        }

        foreach (var feature in OrderSchema.CategoricalFeatures)
        {
            table = table.WithCategorical(feature.Name, table.Categorical(feature.Name).Select(c => random.NextDouble() < rate ? OrderTable.MissingCategory : c).ToArray());
        }

        return table;
    }
}
