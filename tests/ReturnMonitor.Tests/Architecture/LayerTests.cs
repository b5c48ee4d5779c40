using System.Text.RegularExpressions;

namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// The library's folders are layers in data-flow order; a folder may use only the folders before it. Read from the
/// source: every <c>using ReturnMonitor.X</c> and every qualified <c>ReturnMonitor.X.</c> name in a file of folder F must
/// name a layer below F (or F itself). A new folder must be placed in <see cref="Layers"/> to be allowed at all.
/// </summary>
public sealed partial class LayerTests
{
    /// <summary>Bottom to top: the README's Layout section draws the same picture.</summary>
    private static readonly string[] Layers = ["Json", "Data", "Summaries", "Drift", "Modeling", "Monitoring", "Evaluation", "Reporting"];

    private static string Library => Path.Combine(TestPaths.Repository, "lib", "ReturnMonitor");

    [Fact]
    public void Every_folder_of_the_library_is_a_known_layer()
    {
        var folders = Directory.GetDirectories(Library)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(Layers.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Folders_only_use_the_layers_below_them()
    {
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Library, file).Replace('\\', '/');
            var layer = relative.Split('/')[0];
            if (layer is "bin" or "obj")
            {
                continue;
            }

            var rank = Array.IndexOf(Layers, layer);
            Assert.True(rank >= 0, $"{relative} is not in a known layer");
            foreach (Match reference in Reference().Matches(File.ReadAllText(file)))
            {
                var used = reference.Groups[1].Value;
                var usedRank = Array.IndexOf(Layers, used);
                if (usedRank > rank)
                {
                    violations.Add($"{relative} uses ReturnMonitor.{used}");
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void The_check_sees_an_upward_reference()
    {
        // Guard against a regex that matches nothing: the pattern must find both forms the rule is about.
        var matches = Reference().Matches("using ReturnMonitor.Reporting;\nvar x = ReturnMonitor.Monitoring.BatchCheck.Empty;")
            .Select(m => m.Groups[1].Value);
        Assert.Equal(["Reporting", "Monitoring"], matches);
    }

    [Fact]
    public void No_library_file_is_longer_than_450_lines_except_the_Kolmogorov_port()
    {
        var tooLong = Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "KolmogorovDistribution.cs")
            .Select(f => (File: Path.GetRelativePath(Library, f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > 450)
            .Select(f => $"{f.File}: {f.Lines} lines");
        Assert.Empty(tooLong);
    }

    [GeneratedRegex(@"\bReturnMonitor\.([A-Z][A-Za-z]*)\b")]
    private static partial Regex Reference();
}
