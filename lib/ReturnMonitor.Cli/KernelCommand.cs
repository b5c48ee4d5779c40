using System.CommandLine;
using ReturnMonitor.Kernel;
using ReturnMonitor.Notebooks.Charts;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>kernel start --connection-file FILE</c> (what Jupyter runs), <c>kernel install [--user | --prefix DIR | --sys-prefix]</c>,
/// <c>kernel uninstall</c>, <c>kernel list</c>.
/// </summary>
internal static class KernelCommand
{
    /// <summary>Set to 0 to skip chart PNGs in live sessions (the figure and HTML are still sent).</summary>
    public const string ChartImagesVariable = "RETURNMONITOR_KERNEL_CHART_PNG";

    public static Command Create(CliOutput io)
    {
        var connectionFile = new Option<string>("--connection-file", "-f") { Description = "Jupyter connection file (written by the frontend)", Required = true };
        var start = new Command("start", "Run the kernel for a Jupyter frontend (the kernelspec's command)") { connectionFile };
        start.SetAction(parse => CliApp.Guard(io, () =>
        {
            var info = ConnectionInfo.Load(parse.GetValue(connectionFile)!);
            using var kernel = new JupyterKernel(info, io.Err, ChartRenderer());
            kernel.RunAsync().GetAwaiter().GetResult();
            return CliApp.Success;
        }));

        var user = new Option<bool>("--user") { Description = "Install for the current user (default)" };
        var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter/kernels (as jupyter kernelspec install --prefix)" };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install into the active virtualenv/conda environment (VIRTUAL_ENV or CONDA_PREFIX)" };
        var name = new Option<string>("--name") { Description = "Kernelspec name", DefaultValueFactory = _ => KernelSpecInstaller.DefaultName };

        var install = new Command("install", "Install the kernelspec so Jupyter and VS Code offer this kernel") { user, prefix, sysPrefix, name };
        install.SetAction(parse => CliApp.Guard(io, () =>
        {
            var directory = KernelsDirectory(parse.GetValue(user), parse.GetValue(prefix), parse.GetValue(sysPrefix));
            var written = KernelSpecInstaller.Install(directory, CliApp.Launcher(), parse.GetValue(name)!);
            io.Out.WriteLine($"installed kernelspec {parse.GetValue(name)} in {written}");
            return CliApp.Success;
        }));

        var uninstall = new Command("uninstall", "Remove the kernelspec") { user, prefix, sysPrefix, name };
        uninstall.SetAction(parse => CliApp.Guard(io, () =>
        {
            var directory = KernelsDirectory(parse.GetValue(user), parse.GetValue(prefix), parse.GetValue(sysPrefix));
            if (!KernelSpecInstaller.Uninstall(directory, parse.GetValue(name)!))
            {
                throw new UsageException($"kernelspec {parse.GetValue(name)} is not installed in {directory}");
            }
            io.Out.WriteLine($"removed kernelspec {parse.GetValue(name)} from {directory}");
            return CliApp.Success;
        }));

        var list = new Command("list", "Show where the kernelspec is installed (Jupyter's search path, first match wins)") { name };
        list.SetAction(parse => CliApp.Guard(io, () =>
        {
            var found = KernelSpecInstaller.Find(parse.GetValue(name)!);
            if (found.Count == 0)
            {
                io.Out.WriteLine($"kernelspec {parse.GetValue(name)} is not installed; searched:");
                foreach (var dir in KernelSpecInstaller.SearchPath())
                {
                    io.Out.WriteLine($"  {dir}");
                }
                return CliApp.Failure;
            }
            foreach (var dir in found)
            {
                io.Out.WriteLine($"{parse.GetValue(name)}  {dir}");
            }
            return CliApp.Success;
        }));

        return new Command("kernel", "The workbook's Jupyter kernel (C#, for VS Code, JupyterLab and the Notebook)") { start, install, uninstall, list };
    }

    private static string KernelsDirectory(bool user, string? prefix, bool sysPrefix)
    {
        if ((user ? 1 : 0) + (prefix is null ? 0 : 1) + (sysPrefix ? 1 : 0) > 1)
        {
            throw new UsageException("choose one of --user, --prefix DIR, --sys-prefix");
        }
        if (prefix is not null)
        {
            return KernelSpecInstaller.PrefixKernelsDirectory(prefix);
        }
        if (sysPrefix)
        {
            return KernelSpecInstaller.PrefixKernelsDirectory(KernelSpecInstaller.ActiveEnvironmentPrefix()
                ?? throw new UsageException("--sys-prefix needs an active virtualenv or conda environment (VIRTUAL_ENV or CONDA_PREFIX); use --prefix DIR instead"));
        }
        return KernelSpecInstaller.UserKernelsDirectory();
    }

    private static IChartRenderer? ChartRenderer()
    {
        if (Environment.GetEnvironmentVariable(ChartImagesVariable) == "0")
        {
            return null;
        }
        try
        {
            var renderer = new ChromiumChartRenderer();
            renderer.LocateChromium();
            return renderer;
        }
        catch (ChartRenderingException)
        {
            return null; // charts still show (figure + HTML); only the static PNG needs Chromium
        }
    }
}
