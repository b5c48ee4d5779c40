using System.Diagnostics;
using System.Text;

namespace ReturnMonitor.Kernel.Tests;

/// <summary>
/// A throwaway Jupyter installation: the kernelspec installed by the real CLI (<c>returnmonitor kernel install --prefix</c>)
/// into a temporary prefix, and Jupyter's own tools (Debian packages, <c>/usr/bin</c>) pointed at it through
/// <c>JUPYTER_PATH</c>, with config, data and runtime folders of their own. Created once per test class.
/// </summary>
public sealed class JupyterEnvironment : IDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string Jupyter = "/usr/bin/jupyter";

    public JupyterEnvironment()
    {
        Root = Directory.CreateTempSubdirectory("rm-jupyter-").FullName;
        Repository = FindRepository();
        Cli = Path.Combine(Repository, "lib", "ReturnMonitor.Cli", "bin", Configuration(), "net10.0", OperatingSystem.IsWindows() ? "ReturnMonitor.Cli.exe" : "ReturnMonitor.Cli");
        Assert.True(File.Exists(Cli), $"the CLI is not built: {Cli}");
        Assert.True(File.Exists(Python), "Jupyter's client needs /usr/bin/python3 with the Debian packages python3-jupyter-client, python3-nbclient, jupyter-nbconvert, jupyter-notebook (.ci/run installs them)");
        var install = Run(Cli, ["kernel", "install", "--prefix", Path.Combine(Root, "prefix")], Root, TimeSpan.FromMinutes(1));
        Assert.True(install.ExitCode == 0, "kernel install failed: " + install.Output);
        KernelSpecDirectory = Path.Combine(Root, "prefix", "share", "jupyter", "kernels", KernelSpecInstaller.DefaultName);
    }

    /// <summary>Temporary folder holding everything of this environment.</summary>
    public string Root { get; }

    /// <summary>The repository checkout (holds notebooks/ and data/).</summary>
    public string Repository { get; }

    /// <summary>The CLI's apphost, as the kernelspec starts it.</summary>
    public string Cli { get; }

    /// <summary>Where the kernelspec went.</summary>
    public string KernelSpecDirectory { get; }

    /// <summary>A copy of notebooks/ and data/ (side by side, as the notebooks' relative paths expect) in a new folder.</summary>
    public string CopyWorkbook()
    {
        var target = Path.Combine(Root, "workbook-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var folder in new[] { "notebooks", "data" })
        {
            var source = Path.Combine(Repository, folder);
            Directory.CreateDirectory(Path.Combine(target, folder));
            // Sub-folders too (data/second-shop for notebook 07).
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target, folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }
        return target;
    }

    /// <summary>Runs a process with this environment's Jupyter variables; returns exit code and combined output.</summary>
    public (int ExitCode, string Output) Run(string executable, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in Variables())
        {
            start.Environment[key] = value;
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                return (-1, $"timed out after {timeout.TotalSeconds:F0} s\n{output}");
            }
        }
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Jupyter's variables for this environment (kernelspec search path; private config, data and runtime folders).</summary>
    public IReadOnlyDictionary<string, string> Variables() => new Dictionary<string, string>
    {
        ["JUPYTER_PATH"] = Path.Combine(Root, "prefix", "share", "jupyter"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
        ["IPYTHONDIR"] = Path.Combine(Root, "ipython"),
        // pyenv shims earlier on PATH may hide the Debian packages; Jupyter's tools are used from /usr/bin.
        ["PATH"] = "/usr/bin:/bin:" + Environment.GetEnvironmentVariable("PATH"),
        ["PYTHONWARNINGS"] = "ignore",
    };

    public string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Scripts", name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A kernel that is still shutting down may hold a file for a moment; the folder is temporary anyway.
        }
    }

    private static string Configuration()
    {
        // …/tests/ReturnMonitor.Kernel.Tests/bin/<Configuration>/net10.0/
        var dir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return dir.Parent!.Name;
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReturnMonitor.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("ReturnMonitor.sln not found");
    }
}
