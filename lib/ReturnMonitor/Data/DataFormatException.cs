namespace ReturnMonitor.Data;

/// <summary>
/// Bad input data, with the place it was found. <see cref="Exception.Message"/> is one line meant for the user:
/// <c>file:line: column 'name': problem</c>, control characters escaped by <see cref="TerminalText"/>.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string file, long? line, string? column, string problem)
        : base(Compose(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file name as the user gave it.</summary>
    public string File { get; }

    /// <summary>1-based line number in the file, or null when the problem is with the file as a whole.</summary>
    public long? Line { get; }

    /// <summary>The column concerned, or null.</summary>
    public string? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    // One line, inert on a terminal: the file name, a header name or a quoted cell may hold line ends or escape codes.
    private static string Compose(string file, long? line, string? column, string problem)
    {
        var where = line is { } l ? $"{TerminalText.Escape(file)}:{l}" : TerminalText.Escape(file);
        return column is null
            ? $"{where}: {TerminalText.Escape(problem)}"
            : $"{where}: column '{TerminalText.Escape(column)}': {TerminalText.Escape(problem)}";
    }
}
