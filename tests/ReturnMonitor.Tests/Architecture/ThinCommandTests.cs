using System.Text.RegularExpressions;

namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// Commands are thin: a command parses, calls the library and prints; it never calls another command (an operation
/// two commands share belongs in the library, an option two commands take in <c>SharedOptions</c>). Only
/// <c>CliApp</c>, which assembles the commands, names them.
/// </summary>
public sealed class ThinCommandTests
{
    private static readonly Regex CommandUse = new(@"\b([A-Z][A-Za-z]*Command)\.[A-Z]", RegexOptions.CultureInvariant);

    [Fact]
    public void No_command_calls_another_command()
    {
        var folder = Path.Combine(TestPaths.Repository, "lib", "ReturnMonitor.Cli");
        var files = Directory.EnumerateFiles(folder, "*Command.cs").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);

        Assert.Contains("DemoCommand", files.Keys);
        Assert.Empty(files.SelectMany(f => CallsToOthers(f.Key, f.Value, files.Keys)));
    }

    [Fact]
    public void The_check_finds_a_command_calling_another()
    {
        var calls = CallsToOthers("DemoCommand", "var files = GenerateCommand.Write(dir, seed); var own = DemoCommand.Create(io); NotebookCommand.RunAsync(p);", ["DemoCommand", "GenerateCommand"]);

        Assert.Equal(["DemoCommand calls GenerateCommand.W"], calls);
    }

    /// <summary>Uses of another CLI command in a command's source (library classes named …Command, such as the notebook engine's NotebookCommand, are operations and allowed).</summary>
    private static IEnumerable<string> CallsToOthers(string command, string source, IEnumerable<string> commands) =>
        CommandUse.Matches(source)
            .Where(m => m.Groups[1].Value != command && commands.Contains(m.Groups[1].Value))
            .Select(m => $"{command} calls {m.Value}");
}
