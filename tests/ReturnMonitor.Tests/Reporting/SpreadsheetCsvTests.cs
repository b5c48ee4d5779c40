using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Formatting;

/// <summary>CSV for people: formula-like text cells neutralised (OWASP, CSV injection), numbers left as numbers.</summary>
public sealed class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\").csv", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\").csv\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd", "'-2+3+cmd")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("week02.csv", "week02.csv")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    public void Formula_like_text_is_prefixed_with_a_quote(string cell, string expected) =>
        Assert.Equal(expected, SpreadsheetCsv.Cell(cell));

    [Theory]
    [InlineData("-3.5")]
    [InlineData("-0.0012")]
    [InlineData("+1")]
    [InlineData("-1E-05")]
    [InlineData("-7")]
    public void Numbers_stay_numbers(string number) => Assert.Equal(number, SpreadsheetCsv.Cell(number));
}
