using System.Globalization;
using System.Xml.Linq;

namespace ReturnMonitor.Notebooks.Scripting;

/// <summary>A <c>#r</c> directive could not be satisfied.</summary>
public sealed class ReferenceResolutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReferenceResolutionException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> to assemblies of packages already restored in the NuGet
/// global packages folder (offline: nothing is downloaded). Picks the best <c>lib/&lt;tfm&gt;</c> folder for
/// net10.0 and follows the package's dependencies (nuspec) so their assemblies are referenced too.
/// Assemblies the host process already ships (same file name in the trusted platform assemblies) are
/// referenced from the host, so compile-time and run-time types agree.
/// </summary>
public sealed class PackageResolver
{
    /// <summary>Target frameworks acceptable for net10.0, best first.</summary>
    public static readonly IReadOnlyList<string> CompatibleFrameworks =
    [
        "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0",
        "netcoreapp3.1", "netcoreapp3.0", "netcoreapp2.2", "netcoreapp2.1", "netcoreapp2.0",
        "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.5", "netstandard1.4",
        "netstandard1.3", "netstandard1.2", "netstandard1.1", "netstandard1.0",
    ];

    private readonly IReadOnlyDictionary<string, string> _hostAssemblies;

    /// <summary>Creates a resolver.</summary>
    /// <param name="packagesRoot">Global packages folder; null for <c>NUGET_PACKAGES</c> or <c>~/.nuget/packages</c>.</param>
    /// <param name="hostAssemblies">File name → path of assemblies the host provides (null: from the trusted platform assemblies).</param>
    public PackageResolver(string? packagesRoot = null, IReadOnlyDictionary<string, string>? hostAssemblies = null)
    {
        PackagesRoot = packagesRoot ?? DefaultPackagesRoot();
        _hostAssemblies = hostAssemblies ?? HostAssemblies.ByFileName;
    }

    /// <summary>The global packages folder searched.</summary>
    public string PackagesRoot { get; }

    /// <summary>The default global packages folder.</summary>
    public static string DefaultPackagesRoot()
    {
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrWhiteSpace(env)
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>Installed versions of a package, lowest first.</summary>
    public IReadOnlyList<string> InstalledVersions(string id)
    {
        var dir = Path.Combine(PackagesRoot, id.ToLowerInvariant());
        if (!Directory.Exists(dir))
        {
            return [];
        }
        return Directory.GetDirectories(dir)
            .Where(d => File.Exists(Path.Combine(d, id.ToLowerInvariant() + ".nuspec")) || Directory.Exists(Path.Combine(d, "lib")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .OrderBy(v => v, SemVerComparer.Instance)
            .ToList();
    }

    /// <summary>
    /// Resolves a package (and its dependencies) to assembly paths.
    /// <paramref name="version"/> null or "*" selects the highest installed stable version.
    /// </summary>
    public ResolvedPackage Resolve(string id, string? version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var installed = InstalledVersions(id);
        var shown = version is null ? id : $"{id}, {version}";
        string chosen;
        if (version is null || version == "*")
        {
            var stable = installed.Where(v => !v.Contains('-', StringComparison.Ordinal)).ToList();
            chosen = (stable.Count > 0 ? stable : installed).LastOrDefault()
                ?? throw new ReferenceResolutionException($"#r \"nuget: {shown}\": package {id} is not available in the local NuGet package cache ({PackagesRoot}); the runner works offline and only loads restored packages: reference it from ReturnMonitor.Notebooks.csproj and run 'dotnet restore'.");
        }
        else
        {
            chosen = installed.FirstOrDefault(v => SemVerComparer.Instance.Compare(v, version) == 0)
                ?? throw new ReferenceResolutionException($"#r \"nuget: {shown}\": package {id} {version} is not available in the local NuGet package cache ({PackagesRoot}){(installed.Count > 0 ? " (installed: " + string.Join(", ", installed) + ")" : string.Empty)}; the runner works offline and only loads restored packages: reference it from ReturnMonitor.Notebooks.csproj and run 'dotnet restore'.");
        }
        var assemblies = new List<string>();
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(id, chosen, assemblies, visited, top: true);
        return new ResolvedPackage(id, chosen, assemblies);
    }

    private void Collect(string id, string version, List<string> assemblies, HashSet<string> visited, bool top)
    {
        if (!visited.Add(id))
        {
            return;
        }
        var dir = Path.Combine(PackagesRoot, id.ToLowerInvariant(), version.ToLowerInvariant());
        var lib = Path.Combine(dir, "lib");
        if (Directory.Exists(lib))
        {
            var tfm = BestFramework(Directory.GetDirectories(lib).Select(Path.GetFileName).OfType<string>());
            if (tfm is null && top && Directory.GetDirectories(lib).Length > 0)
            {
                throw new ReferenceResolutionException($"#r \"nuget: {id}, {version}\": the package has no assemblies for net10.0 (lib folders: {string.Join(", ", Directory.GetDirectories(lib).Select(Path.GetFileName))}).");
            }
            if (tfm is not null)
            {
                foreach (var dll in Directory.GetFiles(Path.Combine(lib, tfm), "*.dll").OrderBy(p => p, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(dll);
                    assemblies.Add(_hostAssemblies.TryGetValue(name, out var hostPath) ? hostPath : dll);
                }
            }
        }
        foreach (var (depId, depMin) in Dependencies(dir, id))
        {
            if (_hostAssemblies.ContainsKey(depId + ".dll") && HostAssemblies.IsFramework(_hostAssemblies[depId + ".dll"]))
            {
                continue; // provided by the shared framework
            }
            var versions = InstalledVersions(depId);
            var pick = versions.FirstOrDefault(v => depMin is null || SemVerComparer.Instance.Compare(v, depMin) >= 0) ?? versions.LastOrDefault();
            if (pick is not null)
            {
                Collect(depId, pick, assemblies, visited, top: false);
            }
        }
    }

    private static IEnumerable<(string Id, string? MinVersion)> Dependencies(string packageDir, string id)
    {
        var nuspec = Path.Combine(packageDir, id.ToLowerInvariant() + ".nuspec");
        if (!File.Exists(nuspec))
        {
            nuspec = Directory.Exists(packageDir) ? Directory.GetFiles(packageDir, "*.nuspec").FirstOrDefault() ?? string.Empty : string.Empty;
            if (nuspec.Length == 0)
            {
                return [];
            }
        }
        var doc = XDocument.Load(nuspec);
        var deps = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        if (deps is null)
        {
            return [];
        }
        var groups = deps.Elements().Where(e => e.Name.LocalName == "group").ToList();
        IEnumerable<XElement> chosen;
        if (groups.Count == 0)
        {
            chosen = deps.Elements().Where(e => e.Name.LocalName == "dependency");
        }
        else
        {
            var byTfm = groups.GroupBy(g => NormalizeFramework((string?)g.Attribute("targetFramework"))).ToDictionary(g => g.Key, g => g.First());
            var best = BestFramework(byTfm.Keys.Where(k => k.Length > 0));
            var group = best is not null ? byTfm[best] : byTfm.GetValueOrDefault(string.Empty);
            chosen = group?.Elements().Where(e => e.Name.LocalName == "dependency") ?? [];
        }
        return chosen
            .Select(d => ((string?)d.Attribute("id") ?? string.Empty, MinVersion((string?)d.Attribute("version"))))
            .Where(d => d.Item1.Length > 0)
            .ToList();
    }

    private static string? MinVersion(string? range)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return null;
        }
        var r = range.Trim().TrimStart('[', '(');
        var comma = r.IndexOf(',', StringComparison.Ordinal);
        var min = (comma >= 0 ? r[..comma] : r).TrimEnd(']', ')').Trim();
        return min.Length == 0 ? null : min;
    }

    /// <summary>Normalizes nuspec framework names (".NETStandard2.0" → "netstandard2.0").</summary>
    public static string NormalizeFramework(string? tfm)
    {
        if (string.IsNullOrWhiteSpace(tfm))
        {
            return string.Empty;
        }
        var t = tfm.Trim().ToLowerInvariant();
        if (t.StartsWith(".netstandard", StringComparison.Ordinal))
        {
            return "netstandard" + t[".netstandard".Length..];
        }
        if (t.StartsWith(".netcoreapp", StringComparison.Ordinal))
        {
            var v = t[".netcoreapp".Length..];
            return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 5 ? "net" + v : "netcoreapp" + v;
        }
        if (t.StartsWith(".netframework", StringComparison.Ordinal))
        {
            return "netframework";
        }
        return t;
    }

    /// <summary>Picks the best framework folder for net10.0, or null.</summary>
    public static string? BestFramework(IEnumerable<string> frameworks)
    {
        var set = frameworks.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return CompatibleFrameworks.FirstOrDefault(set.Contains) is { } f ? set.First(s => string.Equals(s, f, StringComparison.OrdinalIgnoreCase)) : null;
    }
}

/// <summary>A resolved <c>#r "nuget: …"</c>: the version used and the assemblies to reference.</summary>
/// <param name="Id">Package id.</param>
/// <param name="Version">Installed version used.</param>
/// <param name="AssemblyPaths">Assemblies of the package and its dependencies.</param>
public sealed record ResolvedPackage(string Id, string Version, IReadOnlyList<string> AssemblyPaths);

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

/// <summary>Orders NuGet version strings (numeric parts, then prerelease labels; stable after prerelease).</summary>
public sealed class SemVerComparer : IComparer<string>
{
    /// <summary>The instance.</summary>
    public static readonly SemVerComparer Instance = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        var (xn, xp) = Split(x);
        var (yn, yp) = Split(y);
        for (var i = 0; i < Math.Max(4, Math.Max(xn.Length, yn.Length)); i++)
        {
            var a = i < xn.Length ? xn[i] : 0;
            var b = i < yn.Length ? yn[i] : 0;
            if (a != b)
            {
                return a.CompareTo(b);
            }
        }
        if (xp.Length == 0 || yp.Length == 0)
        {
            // A stable version sorts after any prerelease of the same numbers.
            return xp.Length == yp.Length ? 0 : xp.Length == 0 ? 1 : -1;
        }
        return string.Compare(xp, yp, StringComparison.OrdinalIgnoreCase);
    }

    private static (long[] Numbers, string Pre) Split(string v)
    {
        var plus = v.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            v = v[..plus];
        }
        var dash = v.IndexOf('-', StringComparison.Ordinal);
        var core = dash >= 0 ? v[..dash] : v;
        var pre = dash >= 0 ? v[(dash + 1)..] : string.Empty;
        var nums = core.Split('.').Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
        return (nums, pre);
    }
}
