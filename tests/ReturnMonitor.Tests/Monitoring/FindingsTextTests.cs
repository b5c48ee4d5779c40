using ReturnMonitor.Cli;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Modeling.AnySchema;

namespace ReturnMonitor.Tests.Monitoring;

/// <summary>Findings read as one line each on a table of another shape: the column is named once, in the title.</summary>
public sealed class FindingsTextTests
{
    [Fact]
    public void A_new_category_on_another_schema_names_its_column_once()
    {
        var profile = new ReferenceProfile(DatasetSummary.Of(OtherShapeTables.Create(2000, 1)));
        var drift = profile.Compare(DatasetSummary.Of(OtherShapeTables.Create(500, 2, constantChannel: "kiosk")));

        var writer = new StringWriter();
        TextTables.Findings(new CliOutput(writer, TextWriter.Null).Console, Recommendations.For(drift));
        var text = writer.ToString();

        Assert.Contains("- [urgent] Values never seen in training: channel: 'kiosk' (100% of orders)" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("channel: channel", text, StringComparison.Ordinal);
    }
}
