using System.Globalization;

namespace ReturnMonitor.Reporting;

/// <summary>
/// Cells of CSV written for people, who open it in a spreadsheet: RFC 4180 quoting, and a text cell that a spreadsheet
/// would run as a formula — one starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a CR — is prefixed with
/// <c>'</c>, as the OWASP page on CSV injection recommends. A cell that is a number (<c>-3.5</c>, <c>+1e-3</c>) is a
/// value, not a formula, and stays as it is, so numbers written by us stay numeric.
/// </summary>
public static class SpreadsheetCsv
{
    /// <summary>The cell as written: neutralised (see the type's summary), then quoted when it holds <c>, " CR LF</c>.</summary>
    public static string Cell(string cell) => Quote(Neutralise(cell));

    /// <summary><paramref name="cell"/> with a leading <c>'</c> when a spreadsheet would read it as a formula.</summary>
    public static string Neutralise(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(cell) ? "'" + cell : cell;

    private static bool IsNumber(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
