using System.CommandLine;
using System.CommandLine.Help;
using ReturnMonitor.Data;

namespace ReturnMonitor.Cli;

/// <summary>
/// The <c>returnmonitor</c> command line. Exit codes: 0 success; 1 bad input or usage (one line on stderr);
/// 2 when <c>--fail-on</c> is met.
/// </summary>
public static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int AlertRaised = 2;

    /// <summary>The command's name in usage and help, however it is started (tool, apphost or 'dotnet run').</summary>
    public const string CommandName = "returnmonitor";

    /// <summary>Parses and runs a command line, writing to the given streams.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Everything printed goes through the terminal escaper: data can hold escape sequences (see TerminalWriter).
        stdout = TerminalWriter.Wrap(stdout);
        stderr = TerminalWriter.Wrap(stderr);
        var io = new CliOutput(stdout, stderr);
        // A plain command named after the tool, not RootCommand: RootCommand takes its name from the executable, which
        // reads "ReturnMonitor.Cli" under 'dotnet run'. It gets RootCommand's --help and --version options explicitly.
        var root = new Command(CommandName, "ReturnMonitor: predicts product returns and watches order data for drift.")
        {
            new HelpOption(),
            new VersionOption(),
            GenerateCommand.Create(io),
            TrainCommand.Create(io),
            DriftCommand.Create(io),
            ProfileCommand.Create(io),
            DemoCommand.Create(io),
            NotebooksCommand.Create(io),
            KernelCommand.Create(io),
            ReportCommand.Create(io),
            EvaluateCommand.Create(io),
            MonitorCommand.Create(io),
            LabelsCommand.Create(io),
            HistoryCommand.Create(io),
            ModelsCommand.Create(io),
            SchemaCommand.Create(io),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"returnmonitor: {error.Message}");
            }

            stderr.WriteLine("Run 'returnmonitor --help' for usage.");
            return Failure;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// Runs a command body, turning every expected failure into one line on stderr and exit code 1 — never a stack trace.
    /// </summary>
    internal static int Guard(CliOutput io, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (DataFormatException e)
        {
            io.Error($"error: {e.Message}");
        }
        catch (UsageException e)
        {
            io.Error($"error: {e.Message}");
        }
        catch (ArgumentException e)
        {
            io.Error($"error: {FirstLine(e.Message)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            io.Error($"error: {FirstLine(e.Message)}");
        }

        return Failure;
    }

    private static string FirstLine(string message)
    {
        // ArgumentException appends " (Parameter 'x')": keep the human part.
        var text = message.ReplaceLineEndings(" ");
        var cut = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    /// <summary>How to start this CLI again: its apphost, or <c>dotnet ReturnMonitor.Cli.dll</c> when run through dotnet.</summary>
    internal static IReadOnlyList<string> Launcher()
    {
        var process = Environment.ProcessPath ?? throw new UsageException("cannot tell where returnmonitor is installed");
        var entry = typeof(CliApp).Assembly.Location;
        return string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? [process, entry]
            : [process];
    }
}
