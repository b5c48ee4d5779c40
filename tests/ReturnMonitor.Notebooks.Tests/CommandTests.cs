namespace ReturnMonitor.Notebooks.Tests;

public class CommandTests
{
    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Run_then_check_exit_codes_and_messages()
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

    [Theory]
    [InlineData("42")]
    [InlineData("[\"var a = 1;\", 7]")]
    [InlineData("{\"text\": \"1\"}")]
    public async Task A_cell_source_that_is_neither_a_string_nor_a_list_of_strings_is_one_line_and_a_failure(string source)
    {
        var dir = Nb.TempDir();
        var notebook = System.Text.Json.Nodes.JsonNode.Parse(Nb.Text("1 + 1"))!;
        notebook["cells"]![0]!["source"] = System.Text.Json.Nodes.JsonNode.Parse(source);
        var bad = Nb.Write(notebook.ToJsonString(), dir, "bad-source.ipynb");
        var later = Nb.Write(Nb.Text("2 + 2"), dir, "later.ipynb");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await NotebookCommand.RunAsync([bad, later], check: false, stdout, stderr);

        Assert.Equal(NotebookCommand.Failed, code);
        Assert.Equal($"{bad}: not a valid notebook: cell 1: \"source\" must be a string or a list of strings\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains($"updated     {later}", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors()
    {
        var stderr = new StringWriter();
        Assert.Equal(NotebookCommand.UsageError, await NotebookCommand.RunAsync([], false, new StringWriter(), stderr));
        Assert.Equal(NotebookCommand.UsageError, await NotebookCommand.RunAsync(["/nonexistent/x.ipynb"], false, new StringWriter(), stderr));
        Assert.Contains("no such file", stderr.ToString(), StringComparison.Ordinal);
    }
}
