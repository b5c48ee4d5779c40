using ReturnMonitor.Data.Generation;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Data;

/// <summary>
/// The "second shop" file of another shape (notebook 07): committed small under data/second-shop/, regenerated
/// byte for byte by <c>generate --shape second-shop</c>, and read by the schema inference as a real export would be.
/// </summary>
public sealed class SecondShopTests
{
    private static string Folder => Path.Combine(TestPaths.Data, "second-shop");

    [Fact]
    public void Regenerating_gives_the_committed_bytes()
    {
        var directory = CliRunner.TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("generate", "--shape", "second-shop", "--out", directory);

        Assert.True(code == 0, stderr);
        Assert.Contains("reference.csv: 3060 orders", stdout);
        foreach (var file in new[] { "reference.csv", "current.csv" })
        {
            var committed = File.ReadAllBytes(Path.Combine(Folder, file));
            Assert.Equal(committed, File.ReadAllBytes(Path.Combine(directory, file)));
            Assert.True(committed.Length < 1_000_000, $"{file}: {committed.Length} bytes");
        }

        // Another seed gives other rows: the seed is really used.
        (code, _, stderr) = CliRunner.Run("generate", "--shape", "second-shop", "--out", directory, "--seed", "7");
        Assert.True(code == 0, stderr);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(Folder, "current.csv")), File.ReadAllBytes(Path.Combine(directory, "current.csv")));
    }

    [Fact]
    public void Months_differ_in_size_and_the_change_starts_in_October()
    {
        var rows = SecondShop.Csv(1, 12).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToArray();
        var byMonth = rows.GroupBy(r => int.Parse(r[1].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToArray());

        Assert.Equal(Enumerable.Range(1, 12), byMonth.Keys.Order());
        Assert.True(byMonth[12].Length >= 4 * byMonth[2].Length);
        Assert.Equal(rows.Length, rows.Select(r => r[0]).Distinct().Count());
        Assert.All(byMonth.Where(m => m.Key < SecondShop.DriftMonth).SelectMany(m => m.Value), r => Assert.NotEqual("bnpl", r[4]));
        Assert.Contains(byMonth[10], r => r[4] == "bnpl");
        Assert.Contains(rows, r => r[7].Length == 0);
        double Rate(IEnumerable<string[]> part) => part.Average(r => r[9] == "Returned" ? 1.0 : 0.0);
        Assert.True(Rate(byMonth.Where(m => m.Key >= 10).SelectMany(m => m.Value)) > Rate(byMonth.Where(m => m.Key < 10).SelectMany(m => m.Value)) + 0.03);
        // A file of some months holds the same rows as the year's file.
        Assert.Equal(SecondShop.Csv(1, 12).Split('\n').Skip(1).Take(SecondShop.Csv(1, 6).Split('\n').Length - 2), SecondShop.Csv(1, 6).Split('\n').Skip(1).SkipLast(1));
    }

    [Fact]
    public void The_inference_reads_it_as_a_real_export()
    {
        var (code, stdout, stderr) = CliRunner.Run("schema", "--data", Path.Combine(Folder, "reference.csv"));

        Assert.True(code == 0, stderr);
        var decisions = (stdout + stderr).Split('\n');
        string Decision(string column) => Assert.Single(decisions, l => l.StartsWith(column + ": ", StringComparison.Ordinal));
        Assert.StartsWith("order_id: id", Decision("order_id"));
        Assert.StartsWith("InvoiceDate: timestamp", Decision("InvoiceDate"));
        Assert.Contains("M/d/yyyy", Decision("InvoiceDate"));
        Assert.StartsWith("note: ignored, free text", Decision("note"));
        Assert.StartsWith("customer_tenure_days: numeric", Decision("customer_tenure_days"));
        Assert.StartsWith("UnitPrice: numeric", Decision("UnitPrice"));
        Assert.StartsWith("channel: categorical, 3 values", Decision("channel"));
        Assert.StartsWith("Return_Status: target", Decision("Return_Status"));
        Assert.Contains("positive 'Returned'", Decision("Return_Status"));
    }
}
