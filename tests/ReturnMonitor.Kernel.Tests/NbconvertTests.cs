namespace ReturnMonitor.Kernel.Tests;

/// <summary>
/// Jupyter's own <c>nbconvert --execute</c> runs the six workbook notebooks through the installed kernel (chosen by
/// their <c>metadata.kernelspec</c>), and the outputs hold the same streams, tables and charts as the committed files
/// written by the headless runner.
/// </summary>
public class NbconvertTests(JupyterEnvironment jupyter) : IClassFixture<JupyterEnvironment>
{
    [Fact]
    public void Nbconvert_executes_every_workbook_notebook_with_the_committed_outputs()
    {
        var workbook = jupyter.CopyWorkbook();
        var notebooks = Directory.GetFiles(Path.Combine(workbook, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, notebooks.Count);

        // No kernel name is passed: nbconvert must pick the kernel from the notebooks' metadata. Chart PNGs are
        // left out here (they need a Chromium launch per cell; the protocol test checks them).
        var (exitCode, output) = jupyter.Run(JupyterEnvironment.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", "--inplace", "--ExecutePreprocessor.timeout=600", .. notebooks.Select(Path.GetFileName).OfType<string>()],
            Path.Combine(workbook, "notebooks"), TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["RETURNMONITOR_KERNEL_CHART_PNG"] = "0" });
        Assert.True(exitCode == 0, output);

        var compare = jupyter.Run(JupyterEnvironment.Python, [jupyter.Script("compare_outputs.py"), Path.Combine(jupyter.Repository, "notebooks"), Path.Combine(workbook, "notebooks")],
            workbook, TimeSpan.FromMinutes(1));
        Assert.True(compare.ExitCode == 0, compare.Output);
        Assert.Equal(8, compare.Output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal) && l.Contains("as committed", StringComparison.Ordinal)));
        Assert.Matches(@"ok 04-monitoring-dashboard\.ipynb: \d+ code cells, [1-9]\d* tables, [1-9]\d* charts", compare.Output);
    }
}
