namespace ReturnMonitor.Notebooks.Engine;

/// <summary>Assemblies the host process provides (trusted platform assemblies).</summary>
public static class HostAssemblies
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Lazy = new(Load);

    /// <summary>The shared framework directory (System.Private.CoreLib's folder).</summary>
    public static string FrameworkDirectory { get; } = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    /// <summary>File name → path of each trusted platform assembly.</summary>
    public static IReadOnlyDictionary<string, string> ByFileName => Lazy.Value;

    /// <summary>Paths of the shared framework's assemblies.</summary>
    public static IEnumerable<string> FrameworkAssemblies => ByFileName.Values.Where(IsFramework).OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>Whether a path lies in the shared framework directory.</summary>
    public static bool IsFramework(string path) =>
        string.Equals(Path.GetDirectoryName(path), FrameworkDirectory, StringComparison.Ordinal);

    /// <summary>
    /// Paths of <paramref name="roots"/> and every assembly they reference, directly or not, that the host ships outside
    /// the shared framework — the library and the packages it was built with, at the versions of Directory.Packages.props.
    /// The notebook engine's own assemblies (.NET Interactive, Roslyn) are left out: the C# kernel references them itself.
    /// </summary>
    public static IReadOnlyList<string> Closure(params System.Reflection.Assembly[] roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<System.Reflection.AssemblyName>(roots.Select(r => r.GetName()));
        while (queue.TryDequeue(out var name))
        {
            if (name.Name is not { } simple || !seen.Add(simple) || EngineOwn(simple)
                || !ByFileName.TryGetValue(simple + ".dll", out var path) || IsFramework(path))
            {
                continue;
            }
            found.Add(path);
            System.Reflection.Assembly assembly;
            try
            {
                assembly = System.Reflection.Assembly.Load(name);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue; // listed but not loadable here (a platform-specific asset): referenced, not walked
            }
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                queue.Enqueue(reference);
            }
        }
        return [.. found];

        static bool EngineOwn(string name) =>
            name.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, string> Load()
    {
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            map.TryAdd(Path.GetFileName(p), p);
        }
        return map;
    }
}
