using System.Text;
using System.Text.RegularExpressions;

namespace ReturnMonitor.Notebooks.Scripting;

/// <summary>Kinds of Polyglot directives the runner understands.</summary>
public enum DirectiveKind
{
    /// <summary><c>#r "path/to/assembly.dll"</c>.</summary>
    AssemblyReference,

    /// <summary><c>#r "nuget: Name, Version"</c>.</summary>
    PackageReference,

    /// <summary><c>#i "nuget: source"</c> (package source; ignored: packages come from the local cache).</summary>
    PackageSource,

    /// <summary><c>#!csharp</c> / <c>#!c#</c> (selects the C# kernel; no-op).</summary>
    KernelSelector,
}

/// <summary>A directive found in a cell.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The directive line as written (trimmed).</param>
/// <param name="Line">1-based line within the cell.</param>
/// <param name="Argument">Path, package id or source.</param>
/// <param name="Version">Package version (null = any).</param>
public sealed record CellDirective(DirectiveKind Kind, string Text, int Line, string Argument, string? Version = null);

/// <summary>A directive line the runner cannot handle.</summary>
public sealed class DirectiveException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DirectiveException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    /// <summary>1-based line within the cell.</summary>
    public int Line { get; }
}

/// <summary>
/// Extracts Polyglot directives from a cell. Directive lines are replaced by empty lines so that line numbers
/// of compiler errors and stack traces still match the cell; Roslyn itself only accepts <c>#r</c> before any code,
/// whereas Polyglot accepts directives on any line.
/// </summary>
public static partial class CellPreprocessor
{
    private static readonly HashSet<string> CSharpKernelNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    /// <summary>Splits <paramref name="source"/> into directives and C# code.</summary>
    public static (string Code, IReadOnlyList<CellDirective> Directives) Process(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var directives = new List<CellDirective>();
        var sb = new StringBuilder(source.Length);
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = raw.TrimEnd('\r').Trim();
            var lineNo = i + 1;
            CellDirective? directive = null;
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = line[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
                if (!CSharpKernelNames.Contains(name))
                {
                    throw new DirectiveException(lineNo, $"magic command '#!{name}' is not supported by the ReturnMonitor notebook runner (supported: C# code, #r \"nuget: Name, Version\", #r \"path.dll\", #i \"nuget: source\", #!csharp)");
                }
                directive = new CellDirective(DirectiveKind.KernelSelector, line, lineNo, name);
            }
            else if (ReferenceStart().IsMatch(line))
            {
                directive = ParseQuoted(line, lineNo, "#r") is var arg && arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase)
                    ? ParsePackage(line, lineNo, arg)
                    : new CellDirective(DirectiveKind.AssemblyReference, line, lineNo, ParseQuoted(line, lineNo, "#r"));
            }
            else if (SourceStart().IsMatch(line))
            {
                directive = new CellDirective(DirectiveKind.PackageSource, line, lineNo, ParseQuoted(line, lineNo, "#i"));
            }
            if (directive is not null)
            {
                directives.Add(directive);
                // Keep the line (empty) so that diagnostics keep their line numbers.
                sb.Append(raw.EndsWith('\r') ? "\r" : string.Empty);
            }
            else
            {
                sb.Append(raw);
            }
            if (i < lines.Length - 1)
            {
                sb.Append('\n');
            }
        }
        return (sb.ToString(), directives);
    }

    private static CellDirective ParsePackage(string line, int lineNo, string arg)
    {
        var spec = arg["nuget:".Length..].Trim();
        var parts = spec.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || parts[0].Length == 0 || parts[0].Any(char.IsWhiteSpace))
        {
            throw new DirectiveException(lineNo, $"{line}: expected #r \"nuget: PackageName, Version\"");
        }
        var version = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        return new CellDirective(DirectiveKind.PackageReference, line, lineNo, parts[0], version);
    }

    private static string ParseQuoted(string line, int lineNo, string keyword)
    {
        var m = QuotedArgument().Match(line);
        if (!m.Success)
        {
            throw new DirectiveException(lineNo, $"{line}: expected {keyword} \"...\" (a quoted argument)");
        }
        return m.Groups["arg"].Value.Trim();
    }

    [GeneratedRegex(@"^#r(\s|"")")]
    private static partial Regex ReferenceStart();

    [GeneratedRegex(@"^#i(\s|"")")]
    private static partial Regex SourceStart();

    [GeneratedRegex(@"^#[ri]\s*""(?<arg>[^""]*)""\s*(//.*)?$")]
    private static partial Regex QuotedArgument();
}
