using System.Text.Json.Nodes;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Tests.Cli;

/// <summary><c>schema</c>: one line per column with its reason, the schema JSON, an editable file, one-line errors.</summary>
public sealed class SchemaCommandTests
{
    private static string Train => Path.Combine(TestPaths.Data, "train.csv");

    [Fact]
    public void Prints_one_line_per_column_and_writes_a_file_the_reader_accepts()
    {
        var output = Path.Combine(CliRunner.TempDirectory(), "schema.json");

        var (code, stdout, stderr) = CliRunner.Run("schema", "--data", Train, "--out", output);

        Assert.True(code == 0, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal($"{Train}: 5000 rows, 10 columns", lines[0]);
        Assert.Contains("returned: target, named like a target, 1/0", lines);
        Assert.Contains("size_ordered: categorical, 7 values; meaning size from the name", lines);
        Assert.Equal(11, lines.Length);
        Assert.Equal(SchemaFile.Read(output).Columns.Select(c => c.Name), SchemaFile.Read(Path.Combine(TestPaths.Data, "schema.json")).Columns.Select(c => c.Name));
    }

    [Fact]
    public void Json_output_is_the_schema_file_with_reasons()
    {
        var (code, stdout, _) = CliRunner.Run("schema", "--data", Train, "--format", "json", "--ignore", "days_since_purchase", "--categorical", "review_rating");

        Assert.Equal(0, code);
        var columns = JsonNode.Parse(stdout)!["columns"]!.AsArray();
        Assert.Equal("ignored", (string?)columns[6]!["role"]);
        Assert.Equal("--ignore", (string?)columns[6]!["reason"]);
        Assert.Equal("categorical", (string?)columns[2]!["role"]);
        // 39: python3 csv module, len({r["review_rating"] for r in csv.DictReader(open("data/train.csv"))})
        Assert.Equal("--categorical, 39 values", (string?)columns[2]!["reason"]);
    }

    [Theory]
    [InlineData("--target", "nope", "train.csv:1: column 'nope': --target: no such column in the header")]
    [InlineData("--timestamp-format", "iso", "--timestamp-format needs --timestamp COL")]
    [InlineData("--target", "product_category", "column 'product_category': --target: has 5 values, not two")]
    public void Bad_flags_are_one_line_on_stderr(string flag, string value, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("schema", "--data", Train, flag, value);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(expected, stderr);
    }
}
