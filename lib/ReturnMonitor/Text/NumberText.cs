using System.Globalization;

namespace ReturnMonitor.Text;

/// <summary>
/// How every rendering (terminal tables, the dashboard, findings, notebook cells) writes a number for people: invariant
/// culture, so a report reads the same on every machine, and one mark for a value that is absent or not finite. The
/// JSON keeps full precision and does not use this.
/// </summary>
public static class NumberText
{
    /// <summary>What is shown for a value that is absent (null) or not finite (NaN, ±∞).</summary>
    public const string Missing = "–";

    /// <summary>The value with a fixed number of decimals ("0.954" for 3), or <see cref="Missing"/>.</summary>
    /// <param name="value">The number; null or not finite gives <see cref="Missing"/>.</param>
    /// <param name="decimals">Digits after the decimal point, 0 or more.</param>
    public static string Fixed(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : Missing;

    /// <summary>A share in [0, 1] as a percentage, e.g. 0.125 → "12.5%" (one decimal by default), or <see cref="Missing"/>.</summary>
    /// <param name="share">The share; null or not finite gives <see cref="Missing"/>.</param>
    /// <param name="decimals">Digits after the decimal point of the percentage.</param>
    public static string Percent(double? share, int decimals = 1) =>
        share is { } v && double.IsFinite(v) ? Fixed(100 * v, decimals) + "%" : Missing;

    /// <summary>A whole number with thousands separators, "1,234", or <see cref="Missing"/>.</summary>
    public static string Whole(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("N0", CultureInfo.InvariantCulture) : Missing;

    /// <summary>
    /// An amount of money in whole units after its currency code, "EUR 1,234"; without a code ("1,234") when the currency
    /// is unknown (empty: a cost file without one, prices in the shop's own unit) — none is ever invented.
    /// </summary>
    /// <param name="currency">The money unit's code, or empty when unknown.</param>
    /// <param name="amount">The amount; null or not finite gives <see cref="Missing"/> after the code.</param>
    public static string Money(string currency, double? amount) =>
        string.IsNullOrEmpty(currency) ? Whole(amount) : currency + " " + Whole(amount);

    /// <summary>" (EUR)" after a heading whose numbers are in <paramref name="currency"/>; empty when the currency is unknown.</summary>
    public static string MoneyUnit(string? currency) => string.IsNullOrEmpty(currency) ? "" : $" ({currency})";
}
