using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>
/// A categorical feature with more distinct values than the counter's first capacity (8): every category is counted
/// exactly through every path (one pass, merged worker counters, the table reader), and categories never seen in
/// training reach the chi-square test and the report as drift.
/// </summary>
public sealed class ManyCategoriesTests
{
    /// <summary>A batch of <paramref name="rows"/> demo orders with product_category cycling over C0…C(k−1).</summary>
    internal static string BatchWithCategories(int rows, int categories)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv"));
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "product_category");
        var text = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            var fields = lines[1 + (i % (lines.Length - 1))].Split(',');
            fields[column] = $"C{i % categories}";
            text.AppendJoin(',', fields).Append('\n');
        }

        var path = Path.Combine(Path.GetTempPath(), $"rm-categories-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static CategoryCounts Expected(int rows, int categories) =>
        CategoryCounts.FromValues(Enumerable.Range(0, rows).Select(i => $"C{i % categories}"));

    [Fact]
    public void A_counter_merged_into_an_empty_one_keeps_every_category_past_its_first_capacity()
    {
        var source = new CategoryCounter();
        var values = Enumerable.Range(0, 100).Select(i => $"C{i % 40}").ToArray();
        foreach (var value in values)
        {
            source.AddUtf8(Encoding.UTF8.GetBytes(value));
        }

        var merged = new CategoryCounter();
        merged.Merge(source);
        merged.Add("C3", 2);

        var expected = CategoryCounts.FromValues(values.Append("C3").Append("C3"));
        Assert.Equal(expected.Pairs, merged.ToCounts().Pairs);
    }

    [Theory]
    [InlineData(40, 9)]
    [InlineData(40, 17)]
    [InlineData(5000, 40)]
    public void A_file_with_many_categories_is_summarised_exactly_by_every_reader(int rows, int categories)
    {
        var path = BatchWithCategories(rows, categories);
        try
        {
            var expected = Expected(rows, categories);
            // Small blocks and two workers: several counters, merged at the end (the path that crashed).
            var streamed = OrderFile.Summarize(path, options: new SummarizeOptions { Workers = 2, BlockSize = 1024 });
            Assert.Equal(expected.Pairs, streamed.Categorical["product_category"].Pairs);
            Assert.Equal(expected.Pairs, DatasetSummary.Of(OrderFile.Read(path)).Categorical["product_category"].Pairs);
            Assert.Equal(expected.Pairs, OrderFile.Summarize(path).Categorical["product_category"].Pairs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Categories_never_seen_in_training_are_drift_in_the_chi_square_and_the_report()
    {
        var path = BatchWithCategories(40, 9);
        try
        {
            var reference = new ReferenceProfile(OrderFile.Summarize(Path.Combine(TestPaths.Data, "train.csv")));
            var report = reference.Compare(OrderFile.Summarize(path));
            var feature = report.Feature("product_category");
            var trained = reference.Summary.Categorical["product_category"].Categories.Count;

            Assert.Equal(Enumerable.Range(0, 9).Select(i => $"C{i}"), feature.NewCategories);
            // The contingency table has every category of both sides: df = (trained + unseen) − 1.
            Assert.Equal(trained + 9 - 1, feature.DegreesOfFreedom);
            // No category in common: complete association, for which Pearson's χ² equals N (Cramér's V = 1) exactly.
            Assert.Equal(reference.Summary.Rows + 40, feature.ChiSquare!.Value, 6);
            Assert.Equal(DriftSeverity.Severe, feature.Severity);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
