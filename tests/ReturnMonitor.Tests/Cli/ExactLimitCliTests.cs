using System.Globalization;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// <c>--exact-limit</c> on <c>drift</c> and <c>profile</c>: a column with more distinct values than the limit is
/// sketched and says so (exact: false, its bounds), the default keeps 3,000 distinct prices exact, and a limit outside
/// the documented range is one line on stderr with exit 1.
/// </summary>
public sealed class ExactLimitCliTests : IDisposable
{
    private readonly string directory = CliRunner.TempDirectory();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_limit_below_the_distinct_prices_sketches_the_price_and_the_default_keeps_it_exact()
    {
        var reference = ContinuousPrices("ref.csv", 1);
        var current = ContinuousPrices("cur.csv", 2);

        var exact = Feature(CliRunner.Run("drift", "--reference", reference, "--current", current, "--format", "json"));
        Assert.Null(exact["exact"]);

        var sketched = Feature(CliRunner.Run("drift", "--reference", reference, "--current", current, "--format", "json", "--exact-limit", "256"));
        Assert.False((bool)sketched["exact"]!);
        var bound = (double)sketched["ksErrorBound"]!;
        Assert.True(bound > 0);
        Assert.True(Math.Abs((double)sketched["ksStatistic"]! - (double)exact["ksStatistic"]!) <= bound);

        var profile = Path.Combine(directory, "profile.json");
        var (code, _, err) = CliRunner.Run("profile", "--data", reference, "--out", profile, "--exact-limit", "256");
        Assert.True(code == 0, err);
        var price = JsonNode.Parse(File.ReadAllText(profile))!["numeric"]!.AsArray().Single(n => (string?)n!["name"] == "product_price")!;
        Assert.True((int)price["sketchLevel"]! >= 1);
    }

    [Theory]
    [InlineData("drift", "3")]
    [InlineData("profile", "16777217")]
    public void A_limit_outside_the_range_is_one_line_and_exit_1(string command, string limit)
    {
        var reference = ContinuousPrices("ref.csv", 1);
        string[] args = command == "drift"
            ? ["drift", "--reference", reference, "--current", reference, "--exact-limit", limit]
            : ["profile", "--data", reference, "--out", Path.Combine(directory, "p.json"), "--exact-limit", limit];
        var (code, _, err) = CliRunner.Run(args);
        Assert.Equal(1, code);
        Assert.Equal($"error: --exact-limit must be between 4 and 16777216, got {limit}\n", err);
    }

    // The demo's training orders with prices replaced by distinct continuous values (6 decimals).
    private string ContinuousPrices(string name, int seed)
    {
        var random = new Random(seed);
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "train.csv"));
        for (var i = 1; i < lines.Length; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            lines[i] = (10 + random.NextDouble() * 200).ToString("F6", CultureInfo.InvariantCulture) + lines[i][comma..];
        }

        var path = Path.Combine(directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static JsonNode Feature((int ExitCode, string Out, string Err) run)
    {
        Assert.True(run.ExitCode is 0 or 2, run.Err);
        return JsonNode.Parse(run.Out)!["features"]!.AsArray().Single(f => (string?)f!["name"] == "product_price")!;
    }
}
