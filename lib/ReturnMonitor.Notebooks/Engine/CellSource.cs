using System.Text.RegularExpressions;
using InteractiveLinePosition = Microsoft.DotNet.Interactive.LinePosition;

namespace ReturnMonitor.Notebooks.Engine;

/// <summary>
/// A cell's text as the engine submits it: directive lines (<c>#r</c>, <c>#i</c>, <c>#!</c>) apart from the C# code,
/// Polyglot kernel selectors dropped and <c>#r</c> paths to assemblies the host ships pointed at the host's copy,
/// with the cell's line numbers kept.
/// </summary>
internal static partial class CellSource
{
    internal sealed record DirectiveText(string Text, int Line);

    /// <summary>Directive lines (with their 1-based line) and the C# code with those lines left empty.</summary>
    internal static (List<DirectiveText> Directives, string CSharp) Split(string code)
    {
        var directives = new List<DirectiveText>();
        var lines = Prepare(code).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (DirectiveLine().IsMatch(lines[i]))
            {
                directives.Add(new DirectiveText(lines[i].Trim(), i + 1));
                lines[i] = string.Empty;
            }
        }
        return (directives, string.Join('\n', lines));
    }

    /// <summary>
    /// What the kernel is given for a cell: <c>#!csharp</c> / <c>#!c#</c> (Polyglot's kernel selectors, meaningless in a
    /// C#-only kernel) become empty lines, and <c>#r "…/X.dll"</c> for an assembly this process already ships (e.g. ReturnMonitor.dll in the CLI) is pointed at
    /// the host's copy, so the code compiles against the very types that run; the line count stays the same.
    /// </summary>
    private static string Prepare(string code) =>
        PathReference().Replace(KernelSelector().Replace(code, string.Empty), m =>
        {
            var path = m.Groups["path"].Value;
            return HostAssemblies.ByFileName.TryGetValue(Path.GetFileName(path), out var host) && !HostAssemblies.IsFramework(host)
                ? m.Value.Replace(path, host, StringComparison.Ordinal)
                : m.Value;
        });

    [GeneratedRegex(@"^\s*#(r|i|!)(\s|""|\w|$)")]
    internal static partial Regex DirectiveLine();

    [GeneratedRegex(@"(?mi)^[ \t]*#!(csharp|c#)[ \t]*(?=\r?$)")]
    private static partial Regex KernelSelector();

    [GeneratedRegex(@"(?m)^\s*#r\s+""(?!nuget:)(?<path>[^""]+\.dll)""")]
    private static partial Regex PathReference();

    /// <summary>The line and column of a UTF-16 offset (the language services' position).</summary>
    internal static InteractiveLinePosition Position(string code, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new InteractiveLinePosition(line, offset - lineStart);
    }
}
