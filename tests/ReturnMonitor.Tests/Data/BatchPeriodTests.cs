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
    [InlineData("2024-01", "2024-01-01")]
    [InlineData("2024-12", "2024-12-01")]
    [InlineData("2024-Q1", "2024-01-01")]
    [InlineData("2024-q4", "2024-10-01")]
    public void Weeks_months_quarters_and_days_parse_to_their_first_day(string text, string start)
    {
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), BatchPeriod.Parse(text).Start);
    }

    [Theory]
    [InlineData("2026-W54", "2026 has no ISO week 54")]
    [InlineData("2021-W53", "2021 has no ISO week 53")]
    [InlineData("2026-14", "there is no month 14")]
    [InlineData("2026-00", "there is no month 0")]
    [InlineData("2026-Q5", "a quarter is Q1 to Q4")]
    [InlineData("2026-Q0", "a quarter is Q1 to Q4")]
    [InlineData("2026-1", "neither an ISO week (2026-W14), a month (2026-03), a quarter (2026-Q1) nor a day")]
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

    [Theory]
    [InlineData("2010-12-01", "day", "2010-12-01")]
    [InlineData("2010-12-01", "week", "2010-W48")]
    [InlineData("2011-01-02", "week", "2010-W52")] // a Sunday: ISO week of the previous year
    [InlineData("2010-12-31", "month", "2010-12")]
    [InlineData("2010-12-31", "quarter", "2010-Q4")]
    [InlineData("2011-04-01", "quarter", "2011-Q2")]
    public void A_day_falls_in_one_period_of_each_length(string day, string every, string label)
    {
        var period = BatchPeriod.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), every);
        Assert.Equal(label, period.Label);
        Assert.Equal(period, BatchPeriod.Parse(label)); // the label reads back as the same period
    }

    [Fact]
    public void Months_and_quarters_sort_in_time_among_weeks()
    {
        var periods = new[] { "2024-Q2", "2024-02", "2024-W01", "2024-01", "2023-12-31" }.Select(BatchPeriod.Parse).Order().Select(p => p.Label);
        Assert.Equal(["2023-12-31", "2024-01", "2024-W01", "2024-02", "2024-Q2"], periods);
    }
}
