using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Tests;

public class IpynbTests
{
    private static string VsCodeNotebookPath => Path.Combine(AppContext.BaseDirectory, "TestData", "vscode-polyglot.ipynb");

    [Fact]
    public void Vs_code_notebook_round_trips_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(VsCodeNotebookPath);
        var text = Encoding.UTF8.GetString(bytes);
        var doc = NotebookDocument.Parse(text);
        Assert.Equal(bytes, Encoding.UTF8.GetBytes(doc.ToText()));
        Assert.Equal("8b0e2d7c-1f3a-4c55-a0d2-7e9f4b3c2a10", doc.Cells[1].Id);
        Assert.Equal("csharp", doc.Cells[1].KernelName);
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Running_an_up_to_date_vs_code_notebook_leaves_every_byte_in_place()
    {
        var dir = Nb.TempDir();
        var path = Path.Combine(dir, "vscode-polyglot.ipynb");
        File.Copy(VsCodeNotebookPath, path);
        var before = File.ReadAllBytes(path);

        var result = await new NotebookRunner().RunAsync(path, Nb.Options());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.False(result.Changed, result.Text);
        Assert.False(result.Written);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Running_a_stale_vs_code_notebook_changes_only_outputs()
    {
        var original = NotebookDocument.Load(VsCodeNotebookPath);
        ((JsonArray)original.Root["cells"]![2]!["outputs"]!)[0]!["data"]!["text/plain"] = new JsonArray("41");
        var path = Nb.Write(original.ToText(), name: "stale.ipynb");

        var result = await new NotebookRunner().RunAsync(path, Nb.Options());

        Assert.True(result.Written);
        Assert.Equal(File.ReadAllText(VsCodeNotebookPath), File.ReadAllText(path));
    }

    [Fact]
    public void Writer_escapes_like_json_stringify()
    {
        var node = new JsonObject { ["s"] = "a\"b\\c\n\t\u0001é€😀</script>", ["n"] = new JsonArray(), ["o"] = new JsonObject() };
        Assert.Equal("{\n \"s\": \"a\\\"b\\\\c\\n\\t\\u0001é€😀</script>\",\n \"n\": [],\n \"o\": {}\n}", IpynbJsonWriter.Write(node));
    }

    [Fact]
    public void Writer_keeps_original_number_text_and_indent()
    {
        var text = "{\n  \"a\": 1.50,\n  \"b\": [\n    1e3\n  ],\n  \"cells\": []\n}";
        var doc = NotebookDocument.Parse(text);
        Assert.Equal("  ", doc.Indent);
        Assert.Equal(text, doc.ToText());
    }

    [Fact]
    public void Set_outputs_inserts_missing_keys_in_sorted_position()
    {
        var doc = NotebookDocument.Parse("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"source\": \"1\"\n  }\n ]\n}\n");
        doc.Cells[0].SetOutputs([], 3);
        Assert.Equal(["cell_type", "execution_count", "metadata", "outputs", "source"], doc.Cells[0].Json.Select(kv => kv.Key));
    }

    [Fact]
    public void Create_polyglot_writes_vs_code_polyglot_metadata()
    {
        var doc = NotebookDocument.CreatePolyglot().WithCell("code", "1 + 1", "a1");
        var root = doc.Root;
        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", root["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("csharp", doc.Cells[0].Json["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("csharp", doc.Cells[0].Json["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.EndsWith("\n", doc.ToText(), StringComparison.Ordinal);
    }
}
