namespace ReturnMonitor.Notebooks.Tests;

public class CommandTests
{
    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task RunThenCheck_ExitCodesAndMessages()
    {
        var dir = Nb.TempDir();
        var good = Nb.Write(Nb.Text("1 + 1"), dir, "a.ipynb");
        var bad = Nb.Write(Nb.Text("var x = 1;", "throw new Exception(\"bad data\");"), dir, "b.ipynb");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await NotebookCommand.RunAsync([good, bad], check: false, stdout, stderr);

        Assert.Equal(NotebookCommand.Failed, code);
        Assert.Contains($"updated     {good}", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal($"{bad}: cell 2, line 1: System.Exception: bad data\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));

        File.Delete(bad);
        stdout = new StringWriter();
        Assert.Equal(NotebookCommand.Success, await NotebookCommand.RunAsync([dir], check: true, stdout, new StringWriter()));
        Assert.Contains($"up to date  {good}", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageErrors()
    {
        var stderr = new StringWriter();
        Assert.Equal(NotebookCommand.UsageError, await NotebookCommand.RunAsync([], false, new StringWriter(), stderr));
        Assert.Equal(NotebookCommand.UsageError, await NotebookCommand.RunAsync(["/nonexistent/x.ipynb"], false, new StringWriter(), stderr));
        Assert.Contains("no such file", stderr.ToString(), StringComparison.Ordinal);
    }
}
