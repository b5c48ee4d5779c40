using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Kernel;

/// <summary>
/// Writes, removes and finds the kernelspec (<c>kernel.json</c> plus logos) that makes Jupyter and VS Code offer this
/// kernel. Plain files in Jupyter's data directories, so no Python is needed to install it.
/// </summary>
public static class KernelSpecInstaller
{
    /// <summary>The kernelspec name notebooks refer to in <c>metadata.kernelspec.name</c>.</summary>
    public const string DefaultName = JupyterKernel.Implementation;

    /// <summary>What frontends show in their kernel pickers.</summary>
    public const string DisplayName = "C# (ReturnMonitor)";

    /// <summary>The kernelspec language (as <c>metadata.kernelspec.language</c>).</summary>
    public const string Language = "C#";

    /// <summary>
    /// The user's Jupyter kernels folder: <c>$JUPYTER_DATA_DIR/kernels</c>, else <c>~/.local/share/jupyter/kernels</c>
    /// (Linux; <c>$XDG_DATA_HOME/jupyter</c> when set), <c>~/Library/Jupyter/kernels</c> (macOS),
    /// <c>%APPDATA%\jupyter\kernels</c> (Windows) — where <c>jupyter kernelspec install --user</c> puts kernels.
    /// </summary>
    public static string UserKernelsDirectory()
    {
        var dataDir = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(dataDir))
        {
            return Path.Combine(dataDir, "kernels");
        }
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter", "kernels");
    }

    /// <summary><c>PREFIX/share/jupyter/kernels</c>, as <c>jupyter kernelspec install --prefix PREFIX</c> uses.</summary>
    public static string PrefixKernelsDirectory(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
    }

    /// <summary>
    /// The active Python environment's prefix (what <c>--sys-prefix</c> means): <c>VIRTUAL_ENV</c>, else
    /// <c>CONDA_PREFIX</c>; null when neither is set (Python's own <c>sys.prefix</c> cannot be known without Python).
    /// </summary>
    public static string? ActiveEnvironmentPrefix() =>
        new[] { "VIRTUAL_ENV", "CONDA_PREFIX" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Jupyter's kernel search path, first match wins (as <c>jupyter kernelspec list</c> searches).</summary>
    public static IReadOnlyList<string> SearchPath()
    {
        var dirs = new List<string>();
        foreach (var entry in (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            dirs.Add(Path.Combine(entry, "kernels"));
        }
        dirs.Add(UserKernelsDirectory());
        if (ActiveEnvironmentPrefix() is { } prefix)
        {
            dirs.Add(PrefixKernelsDirectory(prefix));
        }
        if (OperatingSystem.IsWindows())
        {
            dirs.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter", "kernels"));
        }
        else
        {
            dirs.Add("/usr/local/share/jupyter/kernels");
            dirs.Add("/usr/share/jupyter/kernels");
        }
        return dirs.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Writes <c>KERNELS/NAME/kernel.json</c> and the logos; <paramref name="launcher"/> is the command that starts the
    /// CLI (e.g. <c>[".../returnmonitor"]</c> or <c>["dotnet", ".../ReturnMonitor.Cli.dll"]</c>). Returns the folder.
    /// </summary>
    public static string Install(string kernelsDirectory, IReadOnlyList<string> launcher, string name = DefaultName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kernelsDirectory);
        ArgumentNullException.ThrowIfNull(launcher);
        CheckName(name);
        var directory = Path.Combine(kernelsDirectory, name);
        Directory.CreateDirectory(directory);
        var argv = new JsonArray();
        foreach (var part in launcher.Concat(["kernel", "start", "--connection-file", "{connection_file}"]))
        {
            argv.Add(part);
        }
        var spec = new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = DisplayName,
            ["language"] = Language,
            // Interrupts arrive as interrupt_request on the control channel (no POSIX signal; works on Windows too).
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        File.WriteAllText(Path.Combine(directory, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        foreach (var logo in new[] { "logo-32x32.png", "logo-64x64.png" })
        {
            using var source = typeof(KernelSpecInstaller).Assembly.GetManifestResourceStream(logo)
                ?? throw new InvalidOperationException($"resource {logo} is missing from the build");
            using var target = File.Create(Path.Combine(directory, logo));
            source.CopyTo(target);
        }
        return directory;
    }

    /// <summary>Removes <c>KERNELS/NAME</c>; false when it was not there.</summary>
    public static bool Uninstall(string kernelsDirectory, string name = DefaultName)
    {
        CheckName(name);
        var directory = Path.Combine(kernelsDirectory, name);
        if (!File.Exists(Path.Combine(directory, "kernel.json")))
        {
            return false;
        }
        Directory.Delete(directory, recursive: true);
        return true;
    }

    /// <summary>Every installed copy of the kernelspec along the search path (the first one is what Jupyter uses).</summary>
    public static IReadOnlyList<string> Find(string name = DefaultName)
    {
        CheckName(name);
        return SearchPath().Select(d => Path.Combine(d, name)).Where(d => File.Exists(Path.Combine(d, "kernel.json"))).ToList();
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
        {
            throw new ArgumentException($"'{name}' is not a valid kernel name (letters, digits, '-', '.', '_')");
        }
    }
}
