using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary>Where a command writes: tables and results to stdout, progress and errors to stderr.</summary>
internal sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Err { get; } = stderr;

    /// <summary>A plain console for tables: no colours or ANSI codes, fixed width, so output is the same everywhere.</summary>
    private IAnsiConsole? console;

    /// <summary>Created on first use: JSON output never pays for initialising the table renderer.</summary>
    public IAnsiConsole Console => console ??= CreateConsole(Out);

    public void Error(string message) => Err.WriteLine(message);

    public void Progress(string message) => Err.WriteLine(message);

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }
}
