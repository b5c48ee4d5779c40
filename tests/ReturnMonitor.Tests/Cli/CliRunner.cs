using ReturnMonitor.Cli;

namespace ReturnMonitor.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "rm-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
