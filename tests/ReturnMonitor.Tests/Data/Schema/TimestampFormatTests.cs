using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Tests.Data.Schema;

public sealed class TimestampFormatTests
{
    [Theory]
    [InlineData("2024-01-31", "iso", "2024-01-31T00:00:00")]
    [InlineData("2024-01-31T08:26", "iso", "2024-01-31T08:26:00")]
    [InlineData("2024-01-31 08:26:59.123Z", "iso", "2024-01-31T08:26:59")]
    [InlineData("2024-01-31T23:30:00+05:00", "iso", "2024-01-31T23:30:00")] // the zone does not move the day
    [InlineData("12/1/2010 8:26", "M/d/yyyy", "2010-12-01T08:26:00")]
    [InlineData("12/1/2010 8:26", "d/M/yyyy", "2010-01-12T08:26:00")]
    [InlineData("31.01.2024", "d/M/yyyy", "2024-01-31T00:00:00")]
    public void Dates_parse_in_their_form(string text, string format, string expected)
    {
        Assert.True(TimestampFormat.TryParse(text, format, out var value));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2024-02-30", "iso")]
    [InlineData("13/1/2010", "M/d/yyyy")]
    [InlineData("2024-01-31", "M/d/yyyy")]
    [InlineData("12/1/2010", "iso")]
    [InlineData("12/1/10", "M/d/yyyy")]
    [InlineData("2024-01-31 25:00", "iso")]
    [InlineData("2024-01-31 08:26 +01:00", "iso")]
    [InlineData("12/1/2010 8:26Z", "M/d/yyyy")]
    [InlineData("next tuesday", "iso")]
    public void Other_text_is_not_a_date_of_that_form(string text, string format)
    {
        Assert.False(TimestampFormat.TryParse(text, format, out _));
    }
}
