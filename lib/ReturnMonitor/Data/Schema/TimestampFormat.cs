namespace ReturnMonitor.Data.Schema;

/// <summary>
/// The date forms a timestamp column may use, and their one parser. <c>iso</c>: <c>2024-01-31</c>,
/// <c>2024-01-31T08:26</c>, <c>2024-01-31 08:26:00</c> (seconds, fractions and a zone suffix <c>Z</c>/<c>+01:00</c>
/// allowed; the zone is ignored, so the day is the shop's day as written). <c>M/d/yyyy</c> and <c>d/M/yyyy</c>:
/// <c>12/1/2010</c> or <c>12/1/2010 8:26</c> (also with <c>.</c> between the parts, seconds optional).
/// </summary>
public static class TimestampFormat
{
    /// <summary>ISO 8601 date or date-time.</summary>
    public const string Iso = "iso";

    /// <summary>Month first, as in the UCI Online Retail file (<c>12/1/2010 8:26</c> is 1 December).</summary>
    public const string MonthFirst = "M/d/yyyy";

    /// <summary>Day first (<c>1/12/2010</c> is 1 December).</summary>
    public const string DayFirst = "d/M/yyyy";

    /// <summary>The accepted format names.</summary>
    public static IReadOnlyList<string> Names { get; } = [Iso, MonthFirst, DayFirst];

    /// <summary>Whether <paramref name="format"/> is one of <see cref="Names"/>.</summary>
    public static bool IsKnown(string format) => Names.Contains(format);

    /// <summary>Parses <paramref name="text"/> written in <paramref name="format"/>; false when it is not a valid date of that form.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, string format, out DateTime value)
    {
        value = default;
        if (!TrySplit(text.Trim(), out var shape, out var a, out var b, out var c, out var time))
        {
            return false;
        }

        int year, month, day;
        switch (format)
        {
            case Iso when shape == Shape.Iso:
                (year, month, day) = (a, b, c);
                break;
            case MonthFirst when shape == Shape.Slash:
                (year, month, day) = (c, a, b);
                break;
            case DayFirst when shape == Shape.Slash:
                (year, month, day) = (c, b, a);
                break;
            default:
                return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).Add(time);
        return true;
    }

    /// <summary>The shape of a date as written: ISO, day/month in either order, or not a date.</summary>
    internal enum Shape
    {
        None,
        Iso,
        Slash,
    }

    /// <summary>
    /// Splits a date into its three numbers in written order (ISO: year, month, day; slash: first, second, year) and
    /// the time of day; false when the text is not one of the forms.
    /// </summary>
    internal static bool TrySplit(ReadOnlySpan<char> text, out Shape shape, out int a, out int b, out int c, out TimeSpan time)
    {
        shape = Shape.None;
        a = b = c = 0;
        time = TimeSpan.Zero;
        var i = 0;
        if (!Digits(text, ref i, 1, 4, out a) || i >= text.Length)
        {
            return false;
        }

        var separator = text[i];
        var iso = separator == '-' && i == 4;
        if (!iso && !(separator is '/' or '.' && i <= 2))
        {
            return false;
        }

        i++;
        if (!Digits(text, ref i, 1, 2, out b) || i >= text.Length || text[i] != separator)
        {
            return false;
        }

        i++;
        if (!Digits(text, ref i, iso ? 1 : 4, iso ? 2 : 4, out c))
        {
            return false;
        }

        shape = iso ? Shape.Iso : Shape.Slash;
        if (i == text.Length)
        {
            return true;
        }

        if (text[i] is not (' ' or 'T') || !TryTime(text[(i + 1)..], iso, out time))
        {
            shape = Shape.None;
            return false;
        }

        return true;
    }

    private static bool TryTime(ReadOnlySpan<char> text, bool iso, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        var i = 0;
        if (!Digits(text, ref i, 1, 2, out var hour) || i >= text.Length || text[i] != ':')
        {
            return false;
        }

        i++;
        if (!Digits(text, ref i, 2, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        if (i < text.Length && text[i] == ':')
        {
            i++;
            if (!Digits(text, ref i, 2, 2, out second))
            {
                return false;
            }

            if (i < text.Length && text[i] == '.')
            {
                i++;
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }
            }
        }

        // A zone suffix is accepted on ISO forms only; it does not move the day (see the type's summary).
        var rest = text[i..];
        var zoneOk = rest.IsEmpty || (iso && (rest is "Z" || (rest.Length is 5 or 6 && rest[0] is '+' or '-')));
        if (!zoneOk || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeSpan(hour, minute, second);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < max && char.IsAsciiDigit(text[i]))
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i - start >= min && (i == text.Length || !char.IsAsciiDigit(text[i]));
    }
}
