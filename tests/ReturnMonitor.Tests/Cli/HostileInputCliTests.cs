using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Tests.Summaries;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// Hostile and broken input files through the command line: many categories, a line without an end, a header too wide,
/// <c>/dev/zero</c>, CR-only line ends, escape sequences in the data, a spreadsheet formula as a file name, and a
/// directory where a file is expected. Each gives its result or one line on stderr and exit 1 — never a stack trace.
/// </summary>
public sealed class HostileInputCliTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>, IDisposable
{
    private readonly string directory = CliRunner.TempDirectory();

    private static string Train => Path.Combine(TestPaths.Data, "train.csv");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static void AssertOneLineError((int ExitCode, string Out, string Err) run, string expected)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {expected}\n", run.Err);
    }

    private static void AssertInert(string output)
    {
        Assert.DoesNotContain(output, c => TerminalText.IsUnsafe(c) && c != '\n');
    }

    [Fact]
    public void Profile_and_drift_of_a_batch_with_nine_categories_report_every_unseen_one()
    {
        var batch = ManyCategoriesTests.BatchWithCategories(40, 9);
        try
        {
            var profile = Path.Combine(directory, "profile.json");
            var (code, _, err) = CliRunner.Run("profile", "--data", batch, "--out", profile);
            Assert.True(code == 0, err);
            var categories = JsonNode.Parse(File.ReadAllText(profile))!["categorical"]!.AsArray()
                .Single(f => (string?)f!["name"] == "product_category")!["counts"]!.AsObject();
            Assert.Equal(Enumerable.Range(0, 9).Select(i => $"C{i}"), categories.Select(c => c.Key));
            Assert.Equal(40, categories.Sum(c => (long)c.Value!));

            var text = CliRunner.Run("drift", "--reference", Train, "--current", batch);
            Assert.True(text.ExitCode == 0, text.Err);
            Assert.Contains("unseen in training: C0, C1, C2, C3, C4,", text.Out);
            Assert.Contains("Values never seen in training: product_category", text.Out);

            var json = JsonNode.Parse(CliRunner.Run("drift", "--reference", Train, "--current", batch, "--format", "json").Out)!;
            var feature = json["features"]!.AsArray().Single(f => (string?)f!["name"] == "product_category")!;
            Assert.Equal(Enumerable.Range(0, 9).Select(i => $"C{i}"), feature["newCategories"]!.AsArray().Select(c => (string?)c));
        }
        finally
        {
            File.Delete(batch);
        }
    }

    [Fact]
    public void A_line_without_an_end_a_wide_header_and_cr_only_line_ends_each_give_one_line()
    {
        var longLine = Path.Combine(directory, "long.csv");
        using (var stream = File.Create(longLine))
        {
            stream.Write(Encoding.UTF8.GetBytes(File.ReadLines(Train).First() + "\n"));
            stream.Write(new byte[3 * InputLimits.MaxLineBytes].AsSpan());
        }

        AssertOneLineError(CliRunner.Run("profile", "--data", longLine, "--out", Path.Combine(directory, "p.json")),
            $"{longLine}:2: the line is longer than the limit of 1 MiB (1,048,576 bytes) (no line end found within it)");

        var wide = Path.Combine(directory, "wide.csv");
        File.WriteAllText(wide, string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"c{i}")) + "\n");
        AssertOneLineError(CliRunner.Run("drift", "--reference", Train, "--current", wide), $"{wide}:1: the header has 10,000 columns, more than the limit of 4,096");

        var mac = Path.Combine(directory, "mac.csv");
        File.WriteAllText(mac, string.Join('\r', File.ReadLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv")).Take(20)) + "\r");
        AssertOneLineError(CliRunner.Run("drift", "--reference", Train, "--current", mac),
            $"{mac}:1: the file uses CR-only line ends (classic Mac OS): save it with LF or CRLF line ends");
    }

    [Fact]
    public async Task Dev_zero_as_the_batch_stops_quickly_with_one_line()
    {
        // WaitAsync throws TimeoutException when the read does not stop (before the limit it ran for about a minute).
        var result = await Task.Run(() => CliRunner.Run("drift", "--reference", Train, "--current", "/dev/zero")).WaitAsync(TimeSpan.FromSeconds(30));
        AssertOneLineError(result, "/dev/zero:1: the line is longer than the limit of 1 MiB (1,048,576 bytes) (no line end found within it)");
    }

    [Fact]
    public void Escape_sequences_in_a_category_come_out_inert_in_tables_findings_and_errors()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv"));
        var hostile = "\u001b]0;pwned\u0007Evil\u001b[2J\u009b31m";
        var batch = Path.Combine(directory, "hostile.csv");
        File.WriteAllLines(batch, lines.Take(41).Select((line, i) => i % 2 == 1 ? line.Replace(",Home_Decor,", $",\"{hostile}\",").Replace(",Clothing,", $",\"{hostile}\",") : line));

        var text = CliRunner.Run("drift", "--reference", Train, "--current", batch);
        Assert.Equal(0, text.ExitCode);
        AssertInert(text.Out + text.Err);
        Assert.Contains("\\u001B]0;pwned\\u0007Evil\\u001B[2J\\u009B31m", text.Out);
        Assert.Contains("Values never seen in training: product_category", text.Out);

        var json = CliRunner.Run("drift", "--reference", Train, "--current", batch, "--format", "json");
        AssertInert(json.Out);
        // The JSON is still valid and carries the value itself: the escape is a JSON escape of the same character.
        var feature = JsonNode.Parse(json.Out)!["features"]!.AsArray().Single(f => (string?)f!["name"] == "product_category")!;
        Assert.Contains(hostile, feature["newCategories"]!.AsArray().Select(c => (string?)c));

        // An error that quotes the cell and the header name.
        var bad = Path.Combine(directory, "bad.csv");
        File.WriteAllText(bad, lines[0].Replace("size_ordered", "size\u001b[2J") + "\n");
        var error = CliRunner.Run("drift", "--reference", Train, "--current", bad);
        Assert.Equal(1, error.ExitCode);
        AssertInert(error.Err);
        var numeric = Path.Combine(directory, "numeric.csv");
        File.WriteAllText(numeric, lines[0] + "\n\"7\u001b[2J\"" + lines[1][lines[1].IndexOf(',')..] + "\n");
        AssertOneLineError(CliRunner.Run("drift", "--reference", Train, "--current", numeric), $"{numeric}:2: column 'product_price': '7\\u001B[2J' is not a number");
    }

    [Fact]
    public void History_csv_neutralises_a_file_name_that_is_a_spreadsheet_formula()
    {
        var history = fixture.History();
        var formula = Path.Combine(directory, "=HYPERLINK(1).csv");
        File.Copy(fixture.Batches[1], formula);
        var monitor = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", formula, "--period", "2026-W02");
        Assert.True(monitor.ExitCode == 0, monitor.Err);

        var rows = CliRunner.Run("history", "--history", history, "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cells = rows[2].Split(',');
        Assert.Equal("'=HYPERLINK(1).csv", cells[3]);
        // Our numbers stay numbers: the score and the PSI columns parse as they were written.
        Assert.All(cells[6..8].Concat(cells[^9..]), n => Assert.True(double.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out _), n));
    }

    public static TheoryData<string[]> FileOptions => new()
    {
        { ["profile", "--data", "{dir}", "--out", "{tmp}/p.json"] },
        { ["profile", "--counts", "{dir}", "--out", "{tmp}/p.json"] },
        { ["drift", "--reference", "{dir}", "--current", "{batch}"] },
        { ["drift", "--reference", "{train}", "--current", "{dir}"] },
        { ["drift", "--reference", "{train}", "--current", "{batch}", "--costs", "{dir}"] },
        { ["train", "--data", "{dir}", "--out", "{tmp}/model"] },
        { ["models", "--data", "{dir}"] },
        { ["monitor", "--model", "{model}", "--history", "{tmp}/h.db", "--current", "{dir}", "--period", "2026-W02"] },
        { ["report", "--reference", "{train}", "--current", "{dir}", "--out", "{tmp}/r.html"] },
        { ["report", "--reference", "{dir}", "--current", "{batch}", "--out", "{tmp}/r.html"] },
        { ["history", "--history", "{dir}"] },
        { ["notebooks", "export", "{dir}", "--out", "{tmp}/n.html"] },
    };

    [Theory]
    [MemberData(nameof(FileOptions))]
    public void A_directory_given_as_a_file_is_named_as_a_directory(string[] template)
    {
        var dir = Path.Combine(directory, "folder");
        Directory.CreateDirectory(dir);
        var args = template.Select(a => a.Replace("{dir}", dir).Replace("{tmp}", directory).Replace("{train}", Train)
            .Replace("{batch}", fixture.Batches[1]).Replace("{model}", fixture.Model)).ToArray();
        AssertOneLineError(CliRunner.Run(args), $"{dir}: is a directory, expected a file");
    }

    [Theory]
    [InlineData("train", "--data", "{train}", "--out", "{file}")]
    [InlineData("generate", "--out", "{file}")]
    [InlineData("demo", "--data", "{file}", "--out", "{file}2")]
    [InlineData("demo", "--data", "{file}2", "--out", "{file}")]
    public void A_file_given_as_an_output_directory_is_named_as_a_file(params string[] template)
    {
        var file = Path.Combine(directory, "a-file");
        File.WriteAllText(file, "");
        var args = template.Select(a => a.Replace("{file}", file).Replace("{train}", Train)).ToArray();
        var run = CliRunner.Run(args);
        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith($"error: {file}: is a file, expected a directory\n", run.Err);
    }

    [Theory]
    [InlineData("profile", "--data", "{train}", "--out", "{dir}")]
    [InlineData("report", "--reference", "{train}", "--current", "{batch}", "--out", "{dir}")]
    public void A_directory_given_as_the_output_file_is_named_as_a_directory(params string[] template)
    {
        var dir = Path.Combine(directory, "folder");
        Directory.CreateDirectory(dir);
        var args = template.Select(a => a.Replace("{dir}", dir).Replace("{train}", Train).Replace("{batch}", fixture.Batches[1])).ToArray();
        AssertOneLineError(CliRunner.Run(args), $"{dir}: is a directory, expected a file to write");
    }
}
