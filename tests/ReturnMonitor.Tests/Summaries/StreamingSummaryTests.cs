using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Summaries;

public class StreamingSummaryTests
{
    private static readonly ReferenceProfile Reference = ReferenceProfile.Fit(OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"), "train.csv"));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(333)]
    [InlineData(1000)]
    [InlineData(65536)]
    public void Reading_a_file_in_chunks_gives_the_same_report_as_reading_it_whole(int chunkSize)
    {
        var path = Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv");
        var whole = Reference.Compare(OrderCsv.Read(path, "batch"));
        var streamed = Reference.Compare(OrderCsv.ReadChunks(path, chunkSize, "batch").Select(DatasetSummary.Of).Aggregate(DatasetSummary.Combine));

        Assert.Equal(DriftJson.Serialize(whole), DriftJson.Serialize(streamed));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Summaries_of_any_partition_merged_in_any_order_equal_the_whole()
    {
        var table = OrderGenerator.Generate(Scenario.SupplyCrisis, 2000, seed: 12);
        var expected = DriftJson.Serialize(Reference.Compare(table));
        var random = new Random(5);
        for (var trial = 0; trial < 20; trial++)
        {
            // Random cut points, parts summarised separately and merged in shuffled order.
            var cuts = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(1, table.Count)).Append(0).Append(table.Count).Distinct().Order().ToArray();
            var parts = cuts.Zip(cuts.Skip(1), (a, b) => DatasetSummary.Of(table.Select(Enumerable.Range(a, b - a).ToArray()))).ToList();
            var merged = parts.OrderBy(_ => random.Next()).Aggregate(DatasetSummary.Combine).WithSource(table.Source);

            Assert.Equal(expected, DriftJson.Serialize(Reference.Compare(merged)));
        }
    }

    [Fact]
    public void Streaming_keeps_file_line_and_column_in_errors()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "late-error.csv");
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv")).ToList();
        lines[900] = lines[900].Replace(",", ",x", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<DataFormatException>(() => OrderFile.Summarize(path, "late-error.csv", new SummarizeOptions { BlockSize = 4096 }));
        Assert.StartsWith("late-error.csv:901: column 'customer_purchase_history':", error.Message);
    }
}
