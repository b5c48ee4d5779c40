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
