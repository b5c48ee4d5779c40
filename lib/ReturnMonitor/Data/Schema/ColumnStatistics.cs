using System.Globalization;

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// What one streaming pass learns about a column, in bounded memory: counts of empty and numeric cells, numeric range
/// and whether every number is whole, distinct values with their counts up to <see cref="DistinctCap"/> (values first
/// seen after the cap are counted together as <see cref="Overflow"/>), text length and word count, and the date forms.
/// </summary>
internal sealed class ColumnStatistics(string name, int distinctCap)
{
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    /// <summary>The header as written.</summary>
    public string Name { get; } = name;

    /// <summary>Most distinct values tracked with their counts.</summary>
    public int DistinctCap { get; } = distinctCap;

    /// <summary>Rows seen.</summary>
    public long Rows { get; private set; }

    /// <summary>Empty cells (nothing, or only spaces).</summary>
    public long Empty { get; private set; }

    /// <summary>Non-empty cells that are invariant-culture numbers.</summary>
    public long Numbers { get; private set; }

    /// <summary>Non-empty cells.</summary>
    public long Filled => Rows - Empty;

    /// <summary>Whether every number seen is a whole number.</summary>
    public bool AllWhole { get; private set; } = true;

    /// <summary>Smallest number seen (NaN when none).</summary>
    public double Minimum { get; private set; } = double.NaN;

    /// <summary>Largest number seen (NaN when none).</summary>
    public double Maximum { get; private set; } = double.NaN;

    /// <summary>Cells whose value was first seen after <see cref="DistinctCap"/> distinct values were tracked.</summary>
    public long Overflow { get; private set; }

    /// <summary>Whether more distinct values exist than were tracked.</summary>
    public bool Capped => Overflow > 0;

    /// <summary>Distinct values tracked (all of them when not <see cref="Capped"/>).</summary>
    public int Distinct => counts.Count;

    /// <summary>Longest non-empty value, in characters.</summary>
    public int MaxLength { get; private set; }

    /// <summary>Most words (space-separated) in one value.</summary>
    public int MaxWords { get; private set; }

    /// <summary>Sum of words over non-empty values, for the mean.</summary>
    public long Words { get; private set; }

    /// <summary>Values in ISO date form.</summary>
    public long IsoDates { get; private set; }

    /// <summary>Values in day/month/year form (either order).</summary>
    public long SlashDates { get; private set; }

    /// <summary>Slash dates whose first part is above 12 (so day first).</summary>
    public long FirstAbove12 { get; private set; }

    /// <summary>Slash dates whose second part is above 12 (so month first).</summary>
    public long SecondAbove12 { get; private set; }

    /// <summary>Whether no tracked value occurred twice.</summary>
    public bool NoRepeat { get; private set; } = true;

    /// <summary>The tracked values with their counts.</summary>
    public IReadOnlyDictionary<string, long> Counts => counts;

    /// <summary>Adds one cell.</summary>
    public void Add(ReadOnlySpan<char> cell)
    {
        Rows++;
        var value = cell.Trim();
        if (value.IsEmpty)
        {
            Empty++;
            return;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            Numbers++;
            AllWhole &= number == Math.Floor(number);
            Minimum = double.IsNaN(Minimum) ? number : Math.Min(Minimum, number);
            Maximum = double.IsNaN(Maximum) ? number : Math.Max(Maximum, number);
        }
        else if (TimestampFormat.TrySplit(value, out var shape, out var a, out var b, out _, out _))
        {
            if (shape == TimestampFormat.Shape.Iso)
            {
                IsoDates++;
            }
            else
            {
                SlashDates++;
                FirstAbove12 += a > 12 ? 1 : 0;
                SecondAbove12 += b > 12 ? 1 : 0;
            }
        }

        MaxLength = Math.Max(MaxLength, value.Length);
        var words = value.Count(' ') + 1;
        MaxWords = Math.Max(MaxWords, words);
        Words += words;
        var key = value.ToString();
        if (counts.TryGetValue(key, out var count))
        {
            counts[key] = count + 1;
            NoRepeat = false;
        }
        else if (counts.Count < DistinctCap)
        {
            counts[key] = 1;
        }
        else
        {
            Overflow++;
        }
    }

    /// <summary>Mean words per non-empty value.</summary>
    public double MeanWords => Filled == 0 ? 0 : (double)Words / Filled;

    /// <summary>The <paramref name="k"/> most frequent tracked values, most frequent first, ties by ordinal order.</summary>
    public IReadOnlyList<string> MostFrequent(int k) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(k).Select(p => p.Key).ToArray();

    /// <summary>A number as the reasons print it.</summary>
    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
