using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;
using ReturnMonitor.Tests.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>The <c>profile</c> command writes the exact reference summary once; drift against it equals drift against the raw file.</summary>
public class ProfileCommandTests
{
    [Theory]
    [InlineData("batch_1_normal.csv")]
    [InlineData("batch_2_flash_sale.csv")]
    [InlineData("batch_3_supply_crisis.csv")]
    public void Drift_against_a_written_profile_equals_drift_against_the_csv(string batch)
    {
        var reference = Path.Combine(TestPaths.Data, "train.csv");
        var profile = Path.Combine(CliRunner.TempDirectory(), "profile.json");
        var written = CliRunner.Run("profile", "--data", reference, "--out", profile);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("", written.Err);
        Assert.Contains("profile of 5000 orders", written.Out);

        var current = Path.Combine(TestPaths.Data, batch);
        foreach (var format in new[] { "json", "text" })
        {
            var fromCsv = CliRunner.Run("drift", "--reference", reference, "--current", current, "--format", format);
            var fromProfile = CliRunner.Run("drift", "--reference", profile, "--current", current, "--format", format);
            Assert.Equal(fromCsv, fromProfile);
        }
    }

    [Fact]
    public void Profile_json_holds_the_exact_summary_of_the_table_reader()
    {
        var data = Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv");
        var profile = Path.Combine(CliRunner.TempDirectory(), "p.json");
        Assert.Equal(0, CliRunner.Run("profile", "--data", data, "--out", profile).ExitCode);

        var expected = new ReferenceProfile(DatasetSummary.Of(OrderCsv.Read(data))).ToJson();
        Assert.Equal(expected, File.ReadAllText(profile));
        Assert.Equal(1000, (long?)JsonNode.Parse(File.ReadAllText(profile))!["rows"]);
    }

    [Fact]
    public void Profile_of_a_bad_file_is_one_line_with_file_line_and_column()
    {
        var path = StreamingSupport.TempFile(StreamingSupport.Header + "\n12,0,3.2,6,31,10,1,0,Clothing,L\n13,0,abc,6,31,10,1,0,Clothing,L\n");
        var (code, stdout, stderr) = CliRunner.Run("profile", "--data", path, "--out", Path.Combine(CliRunner.TempDirectory(), "p.json"));
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {path}:3: column 'review_rating': 'abc' is not a number\n", stderr);
    }
}
