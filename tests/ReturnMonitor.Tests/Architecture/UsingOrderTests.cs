namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// The order of the using directives (the one style rule the compiler does not check: <c>EnforceCodeStyleInBuild</c>
/// checks the layout, naming and the other <c>:warning</c> rules of .editorconfig in every build). As
/// <c>dotnet format</c> orders them: <c>System</c> and <c>System.*</c> first, then the rest, each alphabetically;
/// <c>using static</c> and aliases after the plain ones. Checked on every C# file of lib/ and tests/.
/// </summary>
public sealed class UsingOrderTests
{
    [Fact]
    public void Every_source_file_orders_its_usings_as_dotnet_format_does()
    {
        var offenders = new List<string>();
        foreach (var root in new[] { "lib", "tests" })
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(TestPaths.Repository, root), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(TestPaths.Repository, path).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                if (FirstOutOfOrder(File.ReadLines(path)) is { } problem)
                {
                    offenders.Add($"{relative}: {problem}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "usings out of order (run `dotnet format ReturnMonitor.sln`):\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("using System.Text;|using ReturnMonitor.Data;", null)]
    [InlineData("using System;|using System.Text;|using Microsoft.ML;|using ReturnMonitor.Data;|using static System.Math;", null)]
    [InlineData("global using System.Text;|global using ReturnMonitor.Data;", null)]
    [InlineData("using ReturnMonitor.Data;|using System.Text;", "'System.Text' after 'ReturnMonitor.Data'")]
    [InlineData("using ReturnMonitor.Text;|using ReturnMonitor.Data;", "'ReturnMonitor.Data' after 'ReturnMonitor.Text'")]
    [InlineData("using static System.Math;|using System.Text;", "'System.Text' after 'static System.Math'")]
    public void The_rule_accepts_the_formatters_order_and_names_the_first_directive_out_of_it(string lines, string? expected)
    {
        Assert.Equal(expected, FirstOutOfOrder(lines.Split('|')));
    }

    /// <summary>The first directive of the file's leading using block that is out of order, or null.</summary>
    private static string? FirstOutOfOrder(IEnumerable<string> lines)
    {
        (int Group, string Name)? previous = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("global ", StringComparison.Ordinal))
            {
                line = line["global ".Length..];
            }

            if (!line.StartsWith("using ", StringComparison.Ordinal) || !line.EndsWith(';') || line.Contains('('))
            {
                // The block ends at the first other statement (namespace, type, attribute).
                return null;
            }

            var name = line["using ".Length..^1].Trim();
            var current = (Group(name), name);
            if (previous is { } before && Compare(before, current) > 0)
            {
                return $"'{name}' after '{before.Name}'";
            }

            previous = current;
        }

        return null;
    }

    // 0: System and System.*; 1: other namespaces; 2: using static; 3: aliases.
    private static int Group(string name) =>
        name.StartsWith("static ", StringComparison.Ordinal) ? 2
        : name.Contains('=') ? 3
        : name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? 0
        : 1;

    private static int Compare((int Group, string Name) a, (int Group, string Name) b) =>
        a.Group != b.Group ? a.Group.CompareTo(b.Group) : StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
}
