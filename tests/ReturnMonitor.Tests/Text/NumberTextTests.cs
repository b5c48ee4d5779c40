using System.Globalization;
using System.Text.RegularExpressions;
using ReturnMonitor.Text;

namespace ReturnMonitor.Tests.Text;

public sealed partial class NumberTextTests
{
    [Theory]
    [InlineData(0.95437, 3, "0.954")]
    [InlineData(-0.0004, 3, "-0.000")]
    [InlineData(89.5419131086878, 1, "89.5")]
    [InlineData(1234.6, 0, "1235")]
    [InlineData(2.5, 0, "2")] // an exact tie goes to the even digit, as .NET's F format does
    [InlineData(3.5, 0, "4")]
    public void Fixed_rounds_to_the_given_decimals_like_the_standard_F_format(double value, int decimals, string expected)
    {
        Assert.Equal(expected, NumberText.Fixed(value, decimals));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Absent_or_not_finite_values_are_a_dash(double? value)
    {
        Assert.Equal("–", NumberText.Fixed(value, 2));
        Assert.Equal("–", NumberText.Percent(value));
    }

    [Fact]
    public void Percent_writes_a_share_with_one_decimal_or_the_given_number()
    {
        Assert.Equal("12.5%", NumberText.Percent(0.125));
        Assert.Equal("13%", NumberText.Percent(0.126, 0));
        Assert.Equal("0.0%", NumberText.Percent(0));
    }

    [Fact]
    public void The_machine_culture_does_not_change_the_text()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            // The tests run in globalization-invariant mode, so a culture with a decimal comma is built by hand.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("1234,568", 1234.5678.ToString("F3", CultureInfo.CurrentCulture));
            Assert.Equal("1234.568", NumberText.Fixed(1234.5678, 3));
            Assert.Equal("99.9%", NumberText.Percent(0.9987));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void No_source_file_but_NumberText_formats_fixed_decimals()
    {
        var lib = Path.Combine(TestPaths.Repository, "lib");
        var offenders = Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj") && Path.GetFileName(f) != "NumberText.cs")
            .Where(f => FixedFormat().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(lib, f));
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("x.ToString(\"F3\", CultureInfo.InvariantCulture)")]
    [InlineData("v.ToString(\"F\" + decimals, CultureInfo.InvariantCulture)")]
    [InlineData("$\"{clock.Elapsed.TotalSeconds:F0} s\"")]
    public void The_guard_sees_each_way_of_writing_a_fixed_format(string code)
    {
        Assert.Matches(FixedFormat(), code);
    }

    // ToString("F3"), "F" + decimals, and an interpolation hole {x:F1}.
    [GeneratedRegex(@"ToString\(\s*""[Ff]\d*""|""[Ff]""\s*\+|:[Ff]\d+\}")]
    private static partial Regex FixedFormat();
}
