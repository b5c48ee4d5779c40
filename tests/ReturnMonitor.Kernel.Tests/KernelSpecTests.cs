using System.Text.Json.Nodes;

namespace ReturnMonitor.Kernel.Tests;

/// <summary><c>returnmonitor kernel install/list/uninstall</c> through the real CLI, and its one-line errors.</summary>
public class KernelSpecTests(JupyterEnvironment jupyter) : IClassFixture<JupyterEnvironment>
{
    [Fact]
    public void Install_writes_a_kernelspec_that_starts_this_cli_and_list_and_uninstall_find_it()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(jupyter.KernelSpecDirectory, "kernel.json")))!;
        Assert.Equal("C# (ReturnMonitor)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        Assert.Equal([jupyter.Cli, "kernel", "start", "--connection-file", "{connection_file}"], spec["argv"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(new FileInfo(Path.Combine(jupyter.KernelSpecDirectory, "logo-64x64.png")).Length > 100);
        Assert.True(new FileInfo(Path.Combine(jupyter.KernelSpecDirectory, "logo-32x32.png")).Length > 100);

        var prefix = Path.Combine(jupyter.Root, "other-prefix");
        var env = new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter") };
        Assert.Equal(0, jupyter.Run(jupyter.Cli, ["kernel", "install", "--prefix", prefix], jupyter.Root, TimeSpan.FromMinutes(1)).ExitCode);
        var list = jupyter.Run(jupyter.Cli, ["kernel", "list"], jupyter.Root, TimeSpan.FromMinutes(1), env);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(Path.Combine(prefix, "share", "jupyter", "kernels", "returnmonitor-csharp"), list.Output, StringComparison.Ordinal);

        // Jupyter itself sees it (jupyter_client's kernelspec manager, no Python needed to write it).
        var seen = jupyter.Run(JupyterEnvironment.Python, ["-c", "from jupyter_client.kernelspec import KernelSpecManager as M; s = M().get_kernel_spec('returnmonitor-csharp'); print(s.display_name, s.language, s.interrupt_mode)"],
            jupyter.Root, TimeSpan.FromMinutes(1), env);
        Assert.True(seen.ExitCode == 0, seen.Output);
        Assert.Contains("C# (ReturnMonitor) C# message", seen.Output, StringComparison.Ordinal);

        Assert.Equal(0, jupyter.Run(jupyter.Cli, ["kernel", "uninstall", "--prefix", prefix], jupyter.Root, TimeSpan.FromMinutes(1)).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(prefix, "share", "jupyter", "kernels", "returnmonitor-csharp")));
        var again = jupyter.Run(jupyter.Cli, ["kernel", "uninstall", "--prefix", prefix], jupyter.Root, TimeSpan.FromMinutes(1));
        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"error: kernelspec returnmonitor-csharp is not installed in {Path.Combine(prefix, "share", "jupyter", "kernels")}", again.Output.Trim());
    }

    [Fact]
    public void Bad_input_gives_one_line_and_exit_code_1()
    {
        var twoScopes = jupyter.Run(jupyter.Cli, ["kernel", "install", "--user", "--prefix", "x"], jupyter.Root, TimeSpan.FromMinutes(1));
        Assert.Equal((1, "error: choose one of --user, --prefix DIR, --sys-prefix"), (twoScopes.ExitCode, twoScopes.Output.Trim()));

        var missing = Path.Combine(jupyter.Root, "missing.json");
        var noFile = jupyter.Run(jupyter.Cli, ["kernel", "start", "--connection-file", missing], jupyter.Root, TimeSpan.FromMinutes(1));
        Assert.Equal((1, $"error: {missing}: connection file not found"), (noFile.ExitCode, noFile.Output.Trim()));

        var junk = Path.Combine(jupyter.Root, "junk.json");
        File.WriteAllText(junk, "{ not json");
        var badFile = jupyter.Run(jupyter.Cli, ["kernel", "start", "-f", junk], jupyter.Root, TimeSpan.FromMinutes(1));
        Assert.Equal(1, badFile.ExitCode);
        Assert.StartsWith($"error: {junk}: not a Jupyter connection file", badFile.Output.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("\n", badFile.Output.Trim(), StringComparison.Ordinal);

        var badName = jupyter.Run(jupyter.Cli, ["kernel", "install", "--prefix", jupyter.Root, "--name", "../x"], jupyter.Root, TimeSpan.FromMinutes(1));
        Assert.Equal((1, "error: '../x' is not a valid kernel name (letters, digits, '-', '.', '_')"), (badName.ExitCode, badName.Output.Trim()));
    }
}
