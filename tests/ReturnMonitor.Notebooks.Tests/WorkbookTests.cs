namespace ReturnMonitor.Notebooks.Tests;

/// <summary>Executes every committed notebook of the workbook and fails on any cell error or stale committed output.</summary>
[Trait("Category", "Slow")] // runs every notebook: outside the fast loop
public class WorkbookTests
{
    [Fact]
    public async Task Every_workbook_notebook_runs_and_its_committed_outputs_are_current()
    {
        var notebooks = Path.Combine(FindRepository(), "notebooks");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await NotebookCommand.RunAsync([notebooks], check: true, stdout, stderr);

        Assert.True(code == NotebookCommand.Success, $"notebooks failed or are stale:\n{stdout}\n{stderr}");
        Assert.Equal(8, Directory.GetFiles(notebooks, "*.ipynb").Length);
        Assert.Equal(8, stdout.ToString().Split('\n').Count(line => line.StartsWith("up to date", StringComparison.Ordinal)));
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
