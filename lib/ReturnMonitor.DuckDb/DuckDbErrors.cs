using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using ReturnMonitor.Data;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// Turns DuckDB's multi-line error messages into the one-line <see cref="DataFormatException"/> our own reader gives:
/// file, line and column where DuckDB names them, the problem in our words, DuckDB's first line otherwise.
/// </summary>
internal static partial class DuckDbErrors
{
    /// <summary>Whether DuckDB failed because <paramref name="column"/> is not in the data (CSV types or a Parquet reference).</summary>
    public static bool IsMissingColumn(DuckDBException error, string column) =>
        MissingColumn().Match(error.Message) is { Success: true } m && m.Groups[0].Value.Contains($"\"{column}\"", StringComparison.Ordinal)
        || MissingReference().Match(error.Message) is { Success: true } r && r.Groups[1].Value == column;

    /// <summary>Whether DuckDB failed because some column is not in the data.</summary>
    public static bool IsMissingAnyColumn(DuckDBException error) =>
        MissingColumn().IsMatch(error.Message) || MissingReference().IsMatch(error.Message);

    public static DataFormatException Map(DuckDBException error, string data)
    {
        var message = error.Message;
        var file = CsvFile().Match(message) is { Success: true } f ? f.Groups[1].Value.Trim() : data;
        long? line = CsvLine().Match(message) is { Success: true } l ? long.Parse(l.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

        if (CsvConversion().Match(message) is { Success: true } csv)
        {
            return new DataFormatException(file, line, csv.Groups["column"].Value, $"'{Show(csv.Groups["value"].Value)}' is not a number");
        }

        if (CastConversion().Match(message) is { Success: true } cast)
        {
            var column = cast.Groups["column"].Success ? cast.Groups["column"].Value : null;
            return new DataFormatException(data, null, column, $"'{Show(cast.Groups["value"].Value)}' is not a number");
        }

        if (MissingColumn().Match(message) is { Success: true } missing)
        {
            return new DataFormatException(data, null, missing.Groups[1].Value, "required column is missing from the header");
        }

        if (MissingReference().Match(message) is { Success: true } reference)
        {
            return new DataFormatException(data, null, reference.Groups[1].Value, "required column is missing");
        }

        if (NoFiles().Match(message) is { Success: true })
        {
            return new DataFormatException(data, null, null, "file not found (no file matches)");
        }

        if (Sniffing().Match(message) is { Success: true } sniff)
        {
            // With union_by_name DuckDB leaves the file name empty: name the pattern.
            var sniffed = sniff.Groups[1].Value.Length > 0 ? sniff.Groups[1].Value : data;
            return new DataFormatException(sniffed, null, null,
                "DuckDB cannot read it as comma-separated CSV with a header (check that every line has the header's number of fields and that quotes are closed)");
        }

        var problem = line is not null && CsvProblem().Match(message) is { Success: true } p ? p.Groups[1].Value.Trim() : FirstLine(message);
        return new DataFormatException(file, line, null, $"DuckDB: {problem}");
    }

    // Keep messages one line and short whatever the cell holds (as our CSV reader does).
    private static string Show(string cell) => (cell.Length > 40 ? cell[..40] + "…" : cell).Replace("\r", "\\r").Replace("\n", "\\n");

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [GeneratedRegex(@"^\s*file = (.+)$", RegexOptions.Multiline)]
    private static partial Regex CsvFile();

    [GeneratedRegex(@"CSV Error on Line: (\d+)")]
    private static partial Regex CsvLine();

    // The reason DuckDB gives after the echoed line ("Expected Number of Columns: 10 Found: 9", "Value with unterminated quote…").
    [GeneratedRegex(@"Original Line:[^\n]*\n([^\n]+)")]
    private static partial Regex CsvProblem();

    [GeneratedRegex("converting column \"(?<column>[^\"]+)\"\\. Could not convert string \"(?<value>[^\\n]*)\" to '")]
    private static partial Regex CsvConversion();

    [GeneratedRegex(@"Could not convert string '(?<value>[^\n]*)' to \w+( when casting from source column (?<column>\w+))?")]
    private static partial Regex CastConversion();

    [GeneratedRegex("Columns with names: \"([^\"]+)\"[^\n]*")]
    private static partial Regex MissingColumn();

    [GeneratedRegex("does not have a column named \"([^\"]+)\"")]
    private static partial Regex MissingReference();

    [GeneratedRegex("No files found that match the pattern")]
    private static partial Regex NoFiles();

    [GeneratedRegex("Error when sniffing file \"([^\"]*)\"")]
    private static partial Regex Sniffing();
}
