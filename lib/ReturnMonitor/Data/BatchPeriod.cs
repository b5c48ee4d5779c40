using System.Globalization;

namespace ReturnMonitor.Data;

/// <summary>
/// The period a batch belongs to: an ISO week (<c>2026-W14</c>, weeks start on Monday, week 1 holds the year's first
/// Thursday), a month (<c>2026-03</c>), a quarter (<c>2026-Q1</c>) or a day (<c>2026-03-30</c>). Periods order by their
/// start day (then label), so the labels of a history sort in time.
/// </summary>
/// <param name="Label">The label as written: <c>YYYY-Www</c>, <c>YYYY-MM</c>, <c>YYYY-Qn</c> or <c>YYYY-MM-DD</c>.</param>
/// <param name="Start">The first day of the period (the Monday of an ISO week, the 1st of a month or quarter).</param>
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

    /// <summary>The calendar month <paramref name="month"/> (1–12) of <paramref name="year"/>: <c>2024-01</c>.</summary>
    public static BatchPeriod Month(int year, int month) => new($"{year:0000}-{month:00}", new DateOnly(year, month, 1));

    /// <summary>The calendar quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>: <c>2024-Q1</c>.</summary>
    public static BatchPeriod Quarter(int year, int quarter) => new($"{year:0000}-Q{quarter}", new DateOnly(year, (3 * (quarter - 1)) + 1, 1));

    /// <summary>
    /// The period of length <paramref name="every"/> (<c>day</c>, <c>week</c>, <c>month</c> or <c>quarter</c>) that
    /// contains <paramref name="day"/>: how one file is cut into periods by its timestamp column.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="every"/> is none of the four.</exception>
    public static BatchPeriod Of(DateOnly day, string every) => every switch
    {
        "day" => new BatchPeriod(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day),
        "week" => WeekOf(day),
        "month" => Month(day.Year, day.Month),
        "quarter" => Quarter(day.Year, ((day.Month - 1) / 3) + 1),
        _ => throw new ArgumentException($"period length '{every}' is not one of day, week, month, quarter", nameof(every)),
    };

    /// <summary>The week <paramref name="weeks"/> after this period's week (this period must be a week).</summary>
    public BatchPeriod AddWeeks(int weeks) => WeekOf(Start.AddDays(7 * weeks));

    /// <summary>Parses <c>YYYY-Www</c> (ISO week), <c>YYYY-MM</c> (month), <c>YYYY-Qn</c> (quarter) or <c>YYYY-MM-DD</c> (day).</summary>
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

        if (t.Length == 7 && t[4] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var monthYear))
        {
            if ((t[5] == 'Q' || t[5] == 'q') && t[6] is >= '0' and <= '9')
            {
                var quarter = t[6] - '0';
                return monthYear >= 1 && quarter is >= 1 and <= 4
                    ? Quarter(monthYear, quarter)
                    : throw new FormatException($"period '{text}': a quarter is Q1 to Q4 of a year from 0001");
            }

            if (int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month))
            {
                return monthYear >= 1 && month is >= 1 and <= 12
                    ? Month(monthYear, month)
                    : throw new FormatException($"period '{text}': there is no month {month} (months are 01 to 12)");
            }
        }

        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new BatchPeriod(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day);
        }

        throw new FormatException($"period '{text}' is neither an ISO week (2026-W14), a month (2026-03), a quarter (2026-Q1) nor a day (2026-03-30)");
    }

    /// <inheritdoc/>
    public int CompareTo(BatchPeriod? other) =>
        other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : string.CompareOrdinal(Label, other.Label);

    /// <inheritdoc/>
    public override string ToString() => Label;
}
