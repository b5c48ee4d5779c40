using FsCheck.Xunit;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using static ReturnMonitor.Tests.Summaries.StreamingSupport;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>Summaries of the parts of a table, combined in any order and grouping, are the summary of the whole.</summary>
public class MergeTests
{
    [Trait(Traits.Category, Traits.Slow)]
    [Property(MaxTest = 30)]
    public void Any_partition_summarised_and_combined_in_any_order_gives_the_same_report(int seed)
    {
        var random = new Random(seed);
        var whole = Mixed(random, random.Next(1, 1500));
        var expected = DatasetSummary.Of(whole);

        var parts = RandomPartition(whole, random);

        // 1. One builder, parts added in a shuffled order.
        var builder = new DatasetSummaryBuilder("x");
        foreach (var part in parts.OrderBy(_ => random.Next()))
        {
            builder.Add(part);
        }

        AssertSame(expected, builder.Build(), bothRoles: false);

        // 2. One builder per part, merged as a random tree.
        var builders = parts.Select(p => new DatasetSummaryBuilder("x").Add(p)).ToList();
        while (builders.Count > 1)
        {
            var i = random.Next(builders.Count);
            var a = builders[i];
            builders.RemoveAt(i);
            var j = random.Next(builders.Count);
            builders[j] = random.Next(2) == 0 ? builders[j].Merge(a) : a.Merge(builders[j]);
        }

        AssertSame(expected, builders[0].Build(), bothRoles: false);

        // 3. DatasetSummary.Combine of the parts' summaries, folded in a shuffled order.
        var combined = parts.OrderBy(_ => random.Next()).Select(DatasetSummary.Of).Aggregate(DatasetSummary.Combine);
        AssertSame(expected, combined, bothRoles: false);
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Property(MaxTest = 20)]
    public void Files_of_a_partitioned_table_summarised_separately_merge_into_the_whole(int seed)
    {
        var random = new Random(seed);
        var whole = Mixed(random, random.Next(1, 1500));
        var paths = new List<string>();
        try
        {
            var builder = new DatasetSummaryBuilder("x");
            foreach (var part in RandomPartition(whole, random))
            {
                var csv = random.Next(2) == 0;
                var path = TempPath(csv ? ".csv" : ".parquet");
                paths.Add(path);
                if (csv)
                {
                    OrderCsv.Write(part, path);
                }
                else
                {
                    OrderParquet.Write(part, path, rowGroupSize: random.Next(1, 600));
                }

                var summary = OrderFile.Summarize(path, "x", new SummarizeOptions { BlockSize = 1024, Workers = random.Next(1, 4) });
                builder.Add(summary);
            }

            AssertSame(DatasetSummary.Of(whole), builder.Build());
        }
        finally
        {
            paths.ForEach(File.Delete);
        }
    }

    [Fact]
    public void Empty_builder_is_an_empty_labelled_summary_and_unlabelled_parts_make_the_whole_unlabelled()
    {
        var empty = new DatasetSummaryBuilder("x").Build();
        Assert.Equal(0, empty.Rows);
        Assert.Equal(0, empty.Returned);

        var labelled = OrderGenerator.Generate(Scenario.Normal, 50, 1);
        var unlabelled = OrderCsv.Parse(StreamingSupport.Header.Replace(",returned", "") + "\n129,0,3.2,6,31,10,1,Clothing,L\n");
        var summary = new DatasetSummaryBuilder("x").Add(labelled).Add(unlabelled).Build();
        Assert.Null(summary.Returned);
        Assert.Equal(51, summary.Rows);
    }

    // A table mixing scenarios, so that parts differ in distribution; some values with many decimals or large.
    private static OrderTable Mixed(Random random, int count)
    {
        var rows = new List<Order>(count);
        var seed = (ulong)random.NextInt64();
        foreach (var scenario in Scenario.All)
        {
            rows.AddRange(OrderGenerator.Generate(scenario, count / 4 + 1, seed).Rows());
        }

        var shuffled = rows.OrderBy(_ => random.Next()).Take(count).Select(r => random.Next(30) == 0 ? r with { ProductPrice = Math.Round(random.NextDouble() * 1e5, random.Next(0, 6)) } : r).ToArray();
        return OrderTable.FromRows("x", shuffled);
    }

    private static List<OrderTable> RandomPartition(OrderTable whole, Random random)
    {
        var order = Enumerable.Range(0, whole.Count).ToArray();
        if (random.Next(2) == 0)
        {
            random.Shuffle(order);
        }

        var parts = new List<OrderTable>();
        var start = 0;
        while (start < order.Length)
        {
            var size = random.Next(0, Math.Max(2, order.Length / 3));
            size = Math.Min(size, order.Length - start);
            parts.Add(whole.Select(order.AsSpan(start, size)));
            start += size;
        }

        if (parts.Count == 0)
        {
            parts.Add(whole);
        }

        return parts;
    }
}
