namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// The architecture as tests, read from the source of all five projects under <c>lib/</c> (docs/architecture.md draws
/// the same picture): the core library's folders are layers in data-flow order, each using only those below it;
/// projects use only the projects below them; sub-folders go one way; no name is partly qualified; no file is over
/// 450 lines. A new layer, project or source sub-folder must be placed here to be allowed at all. Each rule has a
/// test on a small in-memory example proving it fails when broken.
/// </summary>
public sealed class LayerTests
{
    /// <summary>The core library's layers, bottom to top.</summary>
    private static readonly string[] Layers = ["Text", "Json", "Data", "Summaries", "Drift", "Modeling", "Monitoring", "Evaluation", "Reporting"];

    /// <summary>Each project and the projects it may use.</summary>
    private static readonly Dictionary<string, string[]> Projects = new()
    {
        ["ReturnMonitor"] = [],
        ["ReturnMonitor.DuckDb"] = ["ReturnMonitor"],
        ["ReturnMonitor.History"] = ["ReturnMonitor"],
        ["ReturnMonitor.Notebooks"] = ["ReturnMonitor", "ReturnMonitor.History"],
        ["ReturnMonitor.Kernel"] = ["ReturnMonitor", "ReturnMonitor.Notebooks"],
        ["ReturnMonitor.Cli"] = ["ReturnMonitor", "ReturnMonitor.DuckDb", "ReturnMonitor.History", "ReturnMonitor.Notebooks", "ReturnMonitor.Kernel"],
    };

    /// <summary>
    /// Sub-folders bottom to top; folders in one group may use each other ("" is the folder's own files). The groups
    /// of more than one folder are two-way today: Drift's kernels and Methods (a result type and the kernels it wraps),
    /// and the notebook engine's Charts and Formatting (HtmlText one way, ChartCollector the other). The history
    /// project goes one way: the store and its records, then the alerts (which read records and log deliveries in the
    /// store), then the period runner that joins them.
    /// </summary>
    private static readonly Dictionary<string, string[][]> SubFolders = new()
    {
        ["ReturnMonitor/Data"] = [[""], ["Schema"], ["Generation"]],
        ["ReturnMonitor/Drift"] = [["", "Methods"]],
        ["ReturnMonitor/Modeling"] = [["Features"], [""], ["Calibration"], ["Selection"], ["Scoring"]],
        ["ReturnMonitor/Monitoring"] = [["Multivariate"], ["Estimation"], ["Money"], ["", "Sequential", "Sections", "Sections/ModelHealth", "Sections/Money", "Sections/Quality"]],
        ["ReturnMonitor.History"] = [[""], ["Alerts"], ["Periods"]],
        ["ReturnMonitor.Notebooks"] = [["Ipynb"], ["Interactive"], ["Charts", "Formatting"], ["Export"], ["Engine"], [""]],
    };

    /// <summary>
    /// Files allowed over 450 lines: the Kolmogorov distribution, a long port kept whole with its origin named.
    /// </summary>
    private static readonly HashSet<string> LongFiles = ["KolmogorovDistribution.cs"];

    private static string Lib => Path.Combine(TestPaths.Repository, "lib");

    private static IReadOnlyDictionary<string, string> Sources { get; } = Read("*.cs");

    private static IReadOnlyDictionary<string, string> ProjectFiles { get; } = Read("*.csproj");

    [Fact]
    public void Every_folder_of_the_library_is_a_known_layer()
    {
        var folders = Directory.GetDirectories(Path.Combine(Lib, LayerRules.Core))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(Layers.Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Every_project_and_source_sub_folder_is_placed()
    {
        var projects = Directory.GetDirectories(Lib).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Projects.Keys.Order(StringComparer.Ordinal), projects);
        Assert.Empty(LayerRules.UnplacedFolders(Sources, SubFolders));
    }

    [Fact]
    public void Folders_only_use_the_layers_below_them() => Assert.Empty(LayerRules.LayerViolations(Sources, Layers));

    [Fact]
    public void Projects_only_use_the_projects_below_them() => Assert.Empty(LayerRules.ProjectViolations(Sources, ProjectFiles, Projects));

    [Fact]
    public void Sub_folders_only_use_the_sub_folders_below_them()
    {
        Assert.Empty(SubFolders.SelectMany(s => LayerRules.SubFolderViolations(Sources, s.Key, s.Value)));
    }

    [Fact]
    public void No_name_is_partly_qualified() => Assert.Empty(LayerRules.PartlyQualifiedNames(Sources));

    [Fact]
    public void No_source_file_is_longer_than_450_lines() => Assert.Empty(LayerRules.TooLong(Sources, 450, LongFiles));

    [Fact]
    public void The_layer_rule_sees_an_upward_reference_fully_or_partly_qualified()
    {
        var files = new Dictionary<string, string>
        {
            ["ReturnMonitor/Monitoring/CostModel.cs"] = "namespace ReturnMonitor.Monitoring;\npublic sealed record CostModel(double Handling);\n",
            ["ReturnMonitor/Drift/Report.cs"] = "using ReturnMonitor.Reporting;\nnamespace ReturnMonitor.Drift;\npublic sealed class Report { }\n",
            ["ReturnMonitor/Data/Costs.cs"] = "namespace ReturnMonitor.Data;\npublic sealed class Costs { public Monitoring.CostModel? Model { get; init; } }\n",
            ["ReturnMonitor/Data/Quiet.cs"] = "namespace ReturnMonitor.Data;\n/// <see cref=\"ReturnMonitor.Monitoring.CostModel\"/>\npublic sealed class Quiet { public string Name = \"ReturnMonitor.Monitoring\"; }\n",
            ["ReturnMonitor/Reporting/Fine.cs"] = "using ReturnMonitor.Monitoring;\nnamespace ReturnMonitor.Reporting;\npublic sealed class Fine { }\n",
        };

        Assert.Equal(["ReturnMonitor/Drift/Report.cs uses ReturnMonitor.Reporting", "ReturnMonitor/Data/Costs.cs uses ReturnMonitor.Monitoring"], LayerRules.LayerViolations(files, Layers));
        Assert.Equal(["ReturnMonitor/Data/Costs.cs: Monitoring.CostModel (ReturnMonitor.Monitoring)"], LayerRules.PartlyQualifiedNames(files));
    }

    [Fact]
    public void The_project_rule_sees_a_forbidden_using_reference_or_project()
    {
        var files = new Dictionary<string, string>
        {
            ["ReturnMonitor/Monitoring/A.cs"] = "using ReturnMonitor.Cli;\nnamespace ReturnMonitor.Monitoring;\npublic sealed class A { }\n",
            ["ReturnMonitor.Notebooks/B.cs"] = "namespace ReturnMonitor.Notebooks;\npublic sealed class B { object k = new ReturnMonitor.Kernel.JupyterKernel(); }\n",
            ["ReturnMonitor.Kernel/C.cs"] = "using ReturnMonitor.Notebooks.Charts;\nusing ReturnMonitor.Monitoring;\nnamespace ReturnMonitor.Kernel;\npublic sealed class C { }\n",
            ["ReturnMonitor.Extra/D.cs"] = "namespace ReturnMonitor.Extra;\npublic sealed class D { }\n",
        };
        var projectFiles = new Dictionary<string, string>
        {
            ["ReturnMonitor.DuckDb/ReturnMonitor.DuckDb.csproj"] = """<ItemGroup><ProjectReference Include="..\ReturnMonitor.Cli\ReturnMonitor.Cli.csproj" /></ItemGroup>""",
        };

        Assert.Equal(
            [
                "ReturnMonitor.Extra is not a known project",
                "ReturnMonitor/Monitoring/A.cs uses ReturnMonitor.Cli",
                "ReturnMonitor.Notebooks/B.cs uses ReturnMonitor.Kernel",
                "ReturnMonitor.DuckDb/ReturnMonitor.DuckDb.csproj references ReturnMonitor.Cli",
            ],
            LayerRules.ProjectViolations(files, projectFiles, Projects));
    }

    [Fact]
    public void The_sub_folder_rule_sees_an_upward_type_even_in_a_shared_namespace()
    {
        var files = new Dictionary<string, string>
        {
            ["ReturnMonitor/Monitoring/PercentText.cs"] = "namespace ReturnMonitor.Monitoring;\npublic static class PercentText { }\n",
            ["ReturnMonitor/Monitoring/Estimation/Rule.cs"] = "namespace ReturnMonitor.Monitoring;\npublic static class Rule { static string S => PercentText.Of(0.1); }\n",
            ["ReturnMonitor/Monitoring/Multivariate/Support.cs"] = "namespace ReturnMonitor.Monitoring.Multivariate;\npublic sealed class Support { Rule? r; int RuleCount; }\n",
            ["ReturnMonitor/Monitoring/Money/Costs.cs"] = "namespace ReturnMonitor.Monitoring;\npublic sealed class Costs { Support? s; Rule? r; }\n",
            ["ReturnMonitor/Monitoring/Stray/X.cs"] = "namespace ReturnMonitor.Monitoring;\npublic sealed class X { }\n",
        };

        Assert.Equal(
            ["ReturnMonitor/Monitoring/Estimation/Rule.cs uses PercentText of ReturnMonitor/Monitoring", "ReturnMonitor/Monitoring/Multivariate/Support.cs uses Rule of ReturnMonitor/Monitoring/Estimation"],
            LayerRules.SubFolderViolations(files, "ReturnMonitor/Monitoring", SubFolders["ReturnMonitor/Monitoring"]));
        Assert.Equal(["ReturnMonitor/Monitoring/Stray"], LayerRules.UnplacedFolders(files, SubFolders));
    }

    [Fact]
    public void The_length_rule_sees_a_long_file()
    {
        var files = new Dictionary<string, string>
        {
            ["ReturnMonitor/Drift/Long.cs"] = string.Concat(Enumerable.Repeat("x\n", 451)),
            ["ReturnMonitor/Drift/Short.cs"] = string.Concat(Enumerable.Repeat("x\n", 450)),
            ["ReturnMonitor/Drift/KolmogorovDistribution.cs"] = string.Concat(Enumerable.Repeat("x\n", 900)),
        };

        Assert.Equal(["ReturnMonitor/Drift/Long.cs: 451 lines"], LayerRules.TooLong(files, 450, LongFiles));
    }

    private static Dictionary<string, string> Read(string pattern) =>
        Directory.EnumerateFiles(Lib, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Lib, f).Replace('\\', '/'))
            .Where(p => !p.Split('/').Any(part => part is "bin" or "obj"))
            .ToDictionary(p => p, p => File.ReadAllText(Path.Combine(Lib, p)), StringComparer.Ordinal);
}
