using System.Diagnostics;
using System.Text;

namespace ReturnMonitor.Notebooks.Tests;

/// <summary>
/// <c>returnmonitor notebooks run</c> (the real CLI) runs each notebook in a child process: a cell that ends its
/// process fails its own notebook, named with the cell, and the other notebooks still run.
/// </summary>
public class IsolatedRunTests
{
    private static readonly string Cli = FindCli();

    [Fact]
    public void A_cell_calling_Environment_Exit_fails_its_notebook_with_the_cell_named_and_later_notebooks_still_run()
    {
        var dir = Nb.TempDir();
        var exitZero = Nb.Write(Nb.Text("Console.WriteLine(1);", "Environment.Exit(0);", "Console.WriteLine(3);"), dir, "a-exit-zero.ipynb");
        var exitThree = Nb.Write(Nb.Text("Environment.Exit(3);"), dir, "b-exit-three.ipynb");
        var good = Nb.Write(Nb.Text("1 + 1"), dir, "c-good.ipynb");

        var (code, stdout, stderr) = RunCli("notebooks", "run", dir);

        Assert.Equal(1, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"{exitZero}: cell 2: the cell ended the process (exit code 0: Environment.Exit or the like); later cells did not run", lines[0]);
        Assert.Equal($"{exitThree}: cell 1: the cell ended the process (exit code 3: Environment.Exit or the like); later cells did not run", lines[1]);
        Assert.Contains($"FAILED      {exitZero}", stdout, StringComparison.Ordinal);
        Assert.Contains($"updated     {good}", stdout, StringComparison.Ordinal);

        // The CI gate: --check fails on the notebook that exits, even with exit code 0.
        var (checkCode, _, checkErr) = RunCli("notebooks", "run", "--check", exitZero);
        Assert.Equal(1, checkCode);
        Assert.Contains($"{exitZero}: cell 2: the cell ended the process", checkErr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_on_a_thread_a_cell_started_is_reported_against_the_cell_without_a_stack_trace_and_the_run_goes_on()
    {
        var dir = Nb.TempDir();
        var throwing = Nb.Write(Nb.Text("var n = 1;", "new System.Threading.Thread(() => throw new InvalidOperationException(\"boom\")).Start();\nSystem.Threading.Thread.Sleep(5000);"), dir, "a-thread.ipynb");
        var good = Nb.Write(Nb.Text("2 + 2"), dir, "b-good.ipynb");

        var (code, stdout, stderr) = RunCli("notebooks", "run", dir);

        Assert.Equal(1, code);
        Assert.Equal($"{throwing}: cell 2: an exception on a thread the cell started ended the notebook's run: System.InvalidOperationException: boom; later cells did not run\n", stderr);
        Assert.Contains($"updated     {good}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_cell_in_a_child_is_reported_as_before()
    {
        var dir = Nb.TempDir();
        var bad = Nb.Write(Nb.Text("var x = 1;", "throw new Exception(\"bad data\");"), dir, "bad.ipynb");

        var (code, stdout, stderr) = RunCli("notebooks", "run", "--check", bad);

        Assert.Equal(1, code);
        Assert.Equal($"{bad}: cell 2, line 1: System.Exception: bad data\n", stderr);
        Assert.Contains($"FAILED      {bad}", stdout, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo(Cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.Append(e.Data).Append('\n'); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not finish in 4 minutes");
        }
        process.WaitForExit();
        return (process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static string FindCli()
    {
        // …/tests/ReturnMonitor.Notebooks.Tests/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "ReturnMonitor.sln")))
        {
            repository = repository.Parent;
        }
        Assert.NotNull(repository);
        var cli = Path.Combine(repository.FullName, "lib", "ReturnMonitor.Cli", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "ReturnMonitor.Cli.exe" : "ReturnMonitor.Cli");
        Assert.True(File.Exists(cli), $"the CLI is not built: {cli}");
        return cli;
    }
}
