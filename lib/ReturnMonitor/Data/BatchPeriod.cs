using System.Globalization;

namespace ReturnMonitor.Data;

/// <summary>
/// The period a batch belongs to: an ISO week (<c>2026-W14</c>, weeks start on Monday, week 1 holds the year's first
/// Thursday) or a day (<c>2026-03-30</c>). Periods order by their start day, so the labels of a history sort in time.
/// </summary>
/// <param name="Label">The label as written: <c>YYYY-Www</c> or <c>YYYY-MM-DD</c>.</param>
/// <param name="Start">The first day of the period (the Monday of an ISO week).</param>
public sealed record BatchPeriod(string Label, DateOnly Start) : IComparable<BatchPeriod>
{
    /// <summary>The ISO week <paramref name="week"/> of ISO year <paramref name="year"/>.</summary>
    public static BatchPeriod Week(int year, int week) =>
        new($"{year:0000}-W{week:00}", DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));

    /// <summary>The ISO week that contains <paramref name="day"/>.</summary>
    public static BatchPeriod WeekOf(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return Week(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>The week <paramref name="weeks"/> after this period's week (this period must be a week).</summary>
    public BatchPeriod AddWeeks(int weeks) => WeekOf(Start.AddDays(7 * weeks));

    /// <summary>Parses <c>YYYY-Www</c> (ISO week) or <c>YYYY-MM-DD</c> (day).</summary>
    /// <exception cref="FormatException">Neither form, or a week/day that does not exist (the message says which).</exception>
    public static BatchPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 8 && t[4] == '-' && (t[5] == 'W' || t[5] == 'w')
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(t.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week))
        {
            if (year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            {
                throw new FormatException($"period '{text}': {year} has no ISO week {week}");
            }

            return Week(year, week);
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new BatchPeriod(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day);
        }

        throw new FormatException($"period '{text}' is neither an ISO week (2026-W14) nor a day (2026-03-30)");
    }

    /// <inheritdoc/>
    public int CompareTo(BatchPeriod? other) =>
        other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : string.CompareOrdinal(Label, other.Label);

    /// <inheritdoc/>
    public override string ToString() => Label;
}
