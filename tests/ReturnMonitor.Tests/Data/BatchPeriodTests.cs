using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Data;

public sealed class BatchPeriodTests
{
    [Theory]
    [InlineData("2026-W14", "2026-03-30")]
    [InlineData("2026-W01", "2025-12-29")] // ISO week 1 holds the first Thursday: 1 January 2026 is one
    [InlineData("2020-W53", "2020-12-28")]
    [InlineData("2021-w01", "2021-01-04")]
    [InlineData("2026-03-18", "2026-03-18")]
    public void Weeks_and_days_parse_to_their_first_day(string text, string start)
    {
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), BatchPeriod.Parse(text).Start);
    }

    [Theory]
    [InlineData("2026-W54", "2026 has no ISO week 54")]
    [InlineData("2021-W53", "2021 has no ISO week 53")]
    [InlineData("2026-14", "neither an ISO week")]
    [InlineData("2026-02-30", "neither an ISO week")]
    [InlineData("", "neither an ISO week")]
    public void Bad_periods_say_what_is_wrong(string text, string problem)
    {
        Assert.Contains(problem, Assert.Throws<FormatException>(() => BatchPeriod.Parse(text)).Message);
    }

    [Fact]
    public void Periods_order_by_start_and_weeks_step_across_years()
    {
        Assert.Equal("2026-W01", BatchPeriod.Week(2025, 52).AddWeeks(1).Label);
        Assert.Equal("2020-W53", BatchPeriod.Week(2020, 52).AddWeeks(1).Label);
        var sorted = new[] { "2026-W02", "2025-W52", "2026-01-01", "2026-W01" }.Select(BatchPeriod.Parse).Order().Select(p => p.Label);
        Assert.Equal(["2025-W52", "2026-W01", "2026-01-01", "2026-W02"], sorted);
    }
}
