using System.Text.RegularExpressions;

namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// The architecture rules as functions of source text, so that each can be run on the repository and on a small
/// in-memory example that proves it fails. Paths are '/'-separated and relative to <c>lib/</c>: the first segment is
/// the project folder (<c>ReturnMonitor</c>, <c>ReturnMonitor.Cli</c>, …).
/// </summary>
internal static partial class LayerRules
{
    /// <summary>The core library's project folder.</summary>
    public const string Core = "ReturnMonitor";

    /// <summary>
    /// Core layers: a file in layer F may name (fully or partly qualified) only namespaces of layers up to F.
    /// </summary>
    public static IReadOnlyList<string> LayerViolations(IReadOnlyDictionary<string, string> files, IReadOnlyList<string> layers)
    {
        var code = Codes(files);
        var types = TypesByNamespace(code);
        var violations = new List<string>();
        foreach (var (path, text) in code)
        {
            var parts = path.Split('/');
            if (parts[0] != Core || parts.Length < 3)
            {
                continue;
            }

            var rank = IndexOf(layers, parts[1]);
            var used = SourceReferences.QualifiedNames(text).Select(n => n.Split('.')[0])
                .Concat(SourceReferences.PartlyQualified(text, types).Select(p => p.Namespace.Split('.')[1]));
            foreach (var layer in used.Distinct())
            {
                var usedRank = IndexOf(layers, layer);
                if (usedRank > rank && usedRank >= 0)
                {
                    violations.Add($"{path} uses ReturnMonitor.{layer}");
                }
            }
        }

        return violations;
    }

    /// <summary>
    /// A partly qualified name (<c>Monitoring.CostModel</c> inside namespace <c>ReturnMonitor.Evaluation</c>) hides a
    /// dependency from a reader scanning the usings; every one is reported: write a <c>using</c> instead.
    /// </summary>
    public static IReadOnlyList<string> PartlyQualifiedNames(IReadOnlyDictionary<string, string> files)
    {
        var code = Codes(files);
        var types = TypesByNamespace(code);
        return code.SelectMany(f => SourceReferences.PartlyQualified(f.Value, types).Select(p => $"{f.Key}: {p.Written} (ReturnMonitor.{p.Namespace.Split('.', 2)[1]})"))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Projects: a project's source may name, and its project file may reference, only the projects
    /// <paramref name="allowed"/> lists for it; a project folder not in the list is a violation itself.
    /// </summary>
    public static IReadOnlyList<string> ProjectViolations(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string> projectFiles, IReadOnlyDictionary<string, string[]> allowed)
    {
        var violations = new List<string>();
        foreach (var project in files.Keys.Concat(projectFiles.Keys).Select(p => p.Split('/')[0]).Distinct().Where(p => !allowed.ContainsKey(p)))
        {
            violations.Add($"{project} is not a known project");
        }

        foreach (var (path, text) in Codes(files))
        {
            var own = path.Split('/')[0];
            foreach (var name in SourceReferences.QualifiedNames(text))
            {
                var used = ProjectOf(name, allowed.Keys);
                if (used != own && allowed.TryGetValue(own, out var ok) && !ok.Contains(used))
                {
                    violations.Add($"{path} uses {used}");
                }
            }
        }

        foreach (var (path, xml) in projectFiles)
        {
            var own = path.Split('/')[0];
            foreach (Match reference in ProjectReference().Matches(xml))
            {
                var used = reference.Groups[1].Value;
                if (allowed.TryGetValue(own, out var ok) && !ok.Contains(used))
                {
                    violations.Add($"{path} references {used}");
                }
            }
        }

        return violations.Distinct().ToList();
    }

    /// <summary>
    /// Sub-folders one way: within <paramref name="root"/> (e.g. <c>ReturnMonitor/Monitoring</c>), the sub-folders in
    /// <paramref name="order"/> from bottom to top (folders in one group may use each other; "" is the root's own
    /// files). A file may not use a type declared in a higher group — by the type's name, so the rule holds whether
    /// the sub-folders share the parent's namespace or have their own (C# lets a sub-namespace see its parent's types
    /// without a using).
    /// </summary>
    public static IReadOnlyList<string> SubFolderViolations(IReadOnlyDictionary<string, string> files, string root, IReadOnlyList<string[]> order)
    {
        var code = Codes(files).Where(f => f.Key.StartsWith(root + "/", StringComparison.Ordinal)).ToList();
        int Group(string path) => IndexOfGroup(order, SubFolder(root, path));
        var declaredIn = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var (path, text) in code)
        {
            foreach (var type in Group(path) < 0 ? [] : SourceReferences.DeclaredTypes(text))
            {
                (declaredIn.TryGetValue(type, out var groups) ? groups : declaredIn[type] = []).Add(Group(path));
            }
        }

        var violations = new List<string>();
        foreach (var (path, text) in code)
        {
            var group = Group(path);
            if (group < 0)
            {
                continue; // an unplaced folder: UnplacedFolders reports it
            }

            foreach (var (type, groups) in declaredIn)
            {
                if (!groups.Contains(group) && groups.Min() > group && SourceReferences.UsesType(text, type))
                {
                    var folder = SubFolder(root, code.First(f => Group(f.Key) == groups.Min() && SourceReferences.DeclaredTypes(f.Value).Contains(type)).Key);
                    violations.Add($"{path} uses {type} of {root}/{folder}".TrimEnd('/'));
                }
            }
        }

        return violations;
    }

    /// <summary>Source folders below a layer (core) or below a project (others) that no sub-folder rule places.</summary>
    public static IReadOnlyList<string> UnplacedFolders(IReadOnlyDictionary<string, string> files, IReadOnlyDictionary<string, string[][]> subFolders)
    {
        var unplaced = new List<string>();
        foreach (var path in files.Keys)
        {
            var parts = path.Split('/');
            var rootDepth = parts[0] == Core ? 2 : 1;
            if (parts.Length <= rootDepth + 1)
            {
                continue;
            }

            var root = string.Join('/', parts[..rootDepth]);
            var folder = string.Join('/', parts[rootDepth..^1]);
            if (!subFolders.TryGetValue(root, out var order) || IndexOfGroup(order, folder) < 0)
            {
                unplaced.Add($"{root}/{folder}");
            }
        }

        return unplaced.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Files longer than <paramref name="cap"/> lines, except the named ones.</summary>
    public static IReadOnlyList<string> TooLong(IReadOnlyDictionary<string, string> files, int cap, IReadOnlySet<string> exceptions) =>
        files.Where(f => !exceptions.Contains(Path.GetFileName(f.Key)))
            .Select(f => (f.Key, Lines: f.Value.Split('\n').Length - (f.Value.EndsWith('\n') ? 1 : 0)))
            .Where(f => f.Lines > cap)
            .Select(f => $"{f.Key}: {f.Lines} lines")
            .ToList();

    private static Dictionary<string, string> Codes(IReadOnlyDictionary<string, string> files) =>
        files.ToDictionary(f => f.Key, f => SourceReferences.Code(f.Value));

    private static Dictionary<string, IReadOnlySet<string>> TypesByNamespace(IReadOnlyDictionary<string, string> code)
    {
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var text in code.Values)
        {
            if (SourceReferences.Namespace(text) is { } ns && ns.StartsWith("ReturnMonitor.", StringComparison.Ordinal))
            {
                (types.TryGetValue(ns, out var set) ? set : types[ns] = []).UnionWith(SourceReferences.DeclaredTypes(text));
            }
        }

        return types.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value);
    }

    // "Notebooks.Charts" → ReturnMonitor.Notebooks; "Monitoring" → the core library.
    private static string ProjectOf(string dottedName, IEnumerable<string> projects) =>
        projects.Where(p => p != Core && (dottedName + ".").StartsWith(p["ReturnMonitor.".Length..] + ".", StringComparison.Ordinal))
            .DefaultIfEmpty(Core)
            .First();

    private static string SubFolder(string root, string path)
    {
        var relative = path[(root.Length + 1)..];
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? "" : relative[..slash];
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfGroup(IReadOnlyList<string[]> order, string folder)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i].Contains(folder))
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"<ProjectReference\s+Include=""[^""]*?([\w.]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
