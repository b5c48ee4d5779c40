using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ReturnMonitor.Notebooks.Tests;

public class RunnerTests
{
    [Fact]
    public async Task State_is_carried_across_cells_and_trailing_expression_is_shown()
    {
        var r = await Nb.Run("var x = 40;", "int Twice(int v) => v * 2;\nvar y = x + 2;", "Twice(y) - y");

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.Empty(Nb.Outputs(r, 1));
        Assert.Empty(Nb.Outputs(r, 2));
        Assert.Equal("42", Nb.Plain(r, 3));
        Assert.Equal([1, 2, 3], r.Document.Cells.Select(c => c.ExecutionCount ?? 0));
    }

    [Fact]
    public async Task Statements_with_semicolon_or_void_calls_show_nothing()
    {
        var r = await Nb.Run("var a = 1;", "var c = a + 1;", "System.Diagnostics.Debug.WriteLine(\"x\")", "await Task.Delay(1)", "await Task.FromResult(5)");

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.Empty(Nb.Outputs(r, 2));
        Assert.Empty(Nb.Outputs(r, 3));
        Assert.Empty(Nb.Outputs(r, 4));
        Assert.Equal("5", Nb.Plain(r, 5));
    }

    [Fact]
    public async Task Console_output_becomes_stream_outputs_in_order_with_displays()
    {
        var r = await Nb.Run("Console.WriteLine(\"one\");\nConsole.Write(\"two\");\ndisplay(3);\nConsole.Error.WriteLine(\"warn\");\nConsole.WriteLine(\"four\");");

        Assert.True(r.Succeeded, r.FailureMessage);
        var outputs = Nb.Outputs(r, 1);
        Assert.Equal(4, outputs.Count);
        Assert.Equal("stream", outputs[0]!["output_type"]!.GetValue<string>());
        Assert.Equal("stdout", outputs[0]!["name"]!.GetValue<string>());
        Assert.Equal(new JsonArray("one\n", "two").ToJsonString(), outputs[0]!["text"]!.ToJsonString());
        Assert.Equal("3", Nb.Data(outputs[1], "text/plain"));
        Assert.Equal("stderr", outputs[2]!["name"]!.GetValue<string>());
        Assert.Equal("four\n", Ipynb.NotebookDocument.JoinMultiline(outputs[3]!["text"]));
    }

    [Fact]
    public async Task Scalars_are_formatted_invariantly()
    {
        var r = await Nb.Run("\"hello <b>\"", "1.5", "1234567.25m", "true", "(object?)null", "new DateTime(2024, 1, 2)", "display(2.5)");

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.Equal("hello <b>", Nb.Plain(r, 1));
        Assert.Equal("1.5", Nb.Plain(r, 2));
        Assert.Equal("1234567.25", Nb.Plain(r, 3));
        Assert.Equal("True", Nb.Plain(r, 4));
        Assert.Equal("<null>", Nb.Plain(r, 5));
        Assert.Equal("01/02/2024 00:00:00", Nb.Plain(r, 6));
        Assert.Equal("2.5", Nb.Plain(r, 7)); // the DisplayHandle returned by display(...) is not shown again
        Assert.Single(Nb.Outputs(r, 7));
        Assert.Null(Nb.Outputs(r, 1)[0]!["data"]!["text/html"]);
    }

    [Fact]
    public async Task Record_lists_become_html_tables_with_text_fallback()
    {
        var r = await Nb.Run("record Row(string Name, double Rate, int? Count);\nnew List<Row> { new(\"a\", 0.25, 3), new(\"b\", 1e-7, null) }");

        Assert.True(r.Succeeded, r.FailureMessage);
        var o = Nb.Outputs(r, 1).Single();
        var html = Nb.Data(o, "text/html");
        Assert.Contains("<th>Name</th><th>Rate</th><th>Count</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>a</td><td>0.25</td><td>3</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>b</td><td>1E-07</td><td></td></tr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Name | Rate  | Count\n-----|-------|------\na    | 0.25  | 3\nb    | 1E-07 |", Nb.Data(o, "text/plain"));
    }

    [Fact]
    public async Task Table_values_are_html_escaped()
    {
        var r = await Nb.Run("new[] { new { Name = \"<script>alert('x')</script>\", Note = \"a & b \\\"q\\\"\" } }");

        Assert.True(r.Succeeded, r.FailureMessage);
        var html = Nb.Data(Nb.Outputs(r, 1).Single(), "text/html");
        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>a &amp; b &quot;q&quot;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_sequences_are_truncated_with_a_note()
    {
        var r = await Nb.Run("Enumerable.Range(1, 1000)");

        var o = Nb.Outputs(r, 1).Single();
        Assert.Contains("<th>value</th>", Nb.Data(o, "text/html"), StringComparison.Ordinal);
        Assert.Contains("showing the first 50 rows", Nb.Data(o, "text/html"), StringComparison.Ordinal);
        Assert.Equal(50 + 3, Nb.Data(o, "text/plain").Split('\n').Length);
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Data_frames_become_tables()
    {
        var r = await Nb.Run(
            "#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"\nusing Microsoft.Data.Analysis;",
            "var df = new DataFrame(new StringDataFrameColumn(\"feature\", new[] { \"price\", \"<x>\" }), new DoubleDataFrameColumn(\"psi\", new[] { 0.125, 2.0 }));\ndf");

        Assert.True(r.Succeeded, r.FailureMessage);
        var o = Nb.Outputs(r, 2).Single();
        var html = Nb.Data(o, "text/html");
        Assert.Contains("<th>feature</th><th>psi</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>price</td><td>0.125</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>&lt;x&gt;</td><td>2</td></tr>", html, StringComparison.Ordinal);
        Assert.StartsWith("feature | psi", Nb.Data(o, "text/plain"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objects_with_to_html_use_it()
    {
        var r = await Nb.Run("class Report { public string ToHtml() => \"<table><tr><td>ok</td></tr></table>\"; public override string ToString() => \"Report(ok)\"; }\nnew Report()");

        Assert.True(r.Succeeded, r.FailureMessage);
        var o = Nb.Outputs(r, 1).Single();
        Assert.Equal("<table><tr><td>ok</td></tr></table>", Nb.Data(o, "text/html"));
        Assert.Equal("Report(ok)", Nb.Data(o, "text/plain"));
    }

    [Fact]
    public async Task Display_with_mime_type_and_html_helper()
    {
        var r = await Nb.Run("display(\"<b>bold</b>\", \"text/html\");\ndisplay(HTML(\"<i>x</i>\"));\n\"md\".Display(\"text/markdown\");");

        Assert.True(r.Succeeded, r.FailureMessage);
        var outputs = Nb.Outputs(r, 1);
        Assert.Equal("<b>bold</b>", Nb.Data(outputs[0], "text/html"));
        Assert.Equal("<i>x</i>", Nb.Data(outputs[1], "text/html"));
        Assert.Equal("md", Nb.Data(outputs[2], "text/markdown"));
    }

    [Fact]
    public async Task Compile_error_reports_cell_and_line_and_stops()
    {
        var path = Nb.Write(Nb.Text("var ok = 1;", "md:# heading", "var a = 1;\n\nvar b = a + missing;", "Console.WriteLine(\"never\");"));

        var r = await new NotebookRunner().RunAsync(path, Nb.Options());

        Assert.False(r.Succeeded);
        Assert.Equal("test.ipynb: cell 3, line 3: error CS0103: The name 'missing' does not exist in the current context", r.FailureMessage);
        var error = Nb.Outputs(r, 3).Single()!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Equal("CompilationError", error["ename"]!.GetValue<string>());
        Assert.Equal("(3,13): error CS0103: The name 'missing' does not exist in the current context", error["evalue"]!.GetValue<string>());
        Assert.Empty(Nb.Outputs(r, 4));
        Assert.Null(r.Document.Cells[3].ExecutionCount);
        Assert.True(r.Written); // the error is visible in the notebook
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Runtime_exception_reports_cell_and_line_without_machine_paths()
    {
        var r = await Nb.Run(
            "int Check(int v)\n{\n    if (v > 1) throw new InvalidOperationException(\"too big: \" + v);\n    return v;\n}",
            "Check(1);\nConsole.WriteLine(\"before\");\nCheck(2);");

        // The engine names each cell's file through a private field of .NET Interactive's C# kernel; if an update drops
        // it, this says so before the line numbers below go missing.
        Assert.True(Engine.NotebookEngine.HasCellLineNumbers);
        Assert.False(r.Succeeded);
        Assert.Equal("test.ipynb: cell 2, line 3: System.InvalidOperationException: too big: 2", r.FailureMessage);
        var outputs = Nb.Outputs(r, 2);
        Assert.Equal("before\n", Ipynb.NotebookDocument.JoinMultiline(outputs[0]!["text"]));
        var error = outputs[1]!;
        Assert.Equal("System.InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("too big: 2", error["evalue"]!.GetValue<string>());
        var traceback = error["traceback"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal("System.InvalidOperationException: too big: 2", traceback[0]);
        Assert.Contains("   at Check(Int32 v) in cell 1, line 3", traceback);
        Assert.Contains("   at <top-level code> in cell 2, line 3", traceback);
        Assert.DoesNotContain(traceback, l => l.Contains('/', StringComparison.Ordinal) || l.Contains("Submission#", StringComparison.Ordinal));
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Nuget_reference_resolves_from_the_local_cache()
    {
        var r = await Nb.Run("#r \"nuget: MathNet.Numerics, 5.0.0\"\nusing MathNet.Numerics.Statistics;\nnew[] { 1.0, 2.0, 3.0, 4.0 }.Median()");

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.Equal("2.5", Nb.Plain(r, 1));
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Unknown_nuget_package_gives_a_clear_error()
    {
        var r = await Nb.Run("var a = 1;", "// setup\n#r \"nuget: Does.Not.Exist, 1.2.3\"\nusing Foo;");

        Assert.False(r.Succeeded);
        Assert.Equal("test.ipynb: cell 2, line 2: #r \"nuget: Does.Not.Exist, 1.2.3\": error NU1101: Unable to find package Does.Not.Exist.", r.FailureMessage);
    }

    [Fact]
    public async Task Path_reference_is_relative_to_the_notebook_folder()
    {
        var dir = Nb.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "bin"));
        var compilation = CSharpCompilation.Create(
            "NotebookHelper",
            [CSharpSyntaxTree.ParseText("namespace Helpers { public static class Greeter { public static string Hello(string n) => \"hello \" + n; } }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emit = compilation.Emit(Path.Combine(dir, "bin", "NotebookHelper.dll"));
        Assert.True(emit.Success);
        var path = Nb.Write(Nb.Text("#r \"bin/NotebookHelper.dll\"\nHelpers.Greeter.Hello(\"notebook\")", "#r \"bin/Missing.dll\""), dir);

        var r = await new NotebookRunner().RunAsync(path, Nb.Options());

        Assert.Equal("hello notebook", Nb.Plain(r, 1));
        Assert.Equal("test.ipynb: cell 2, line 1: error CS0006: Metadata file 'bin/Missing.dll' could not be found", r.FailureMessage);
    }

    [Fact]
    public async Task Directives_may_follow_code_and_keep_line_numbers()
    {
        var r = await Nb.Run("#!csharp\nvar a = 1;\n// a comment\n#r \"nuget: MathNet.Numerics, 5.0.0\"\nvar b = a + nope;");

        Assert.Equal("test.ipynb: cell 1, line 5: error CS0103: The name 'nope' does not exist in the current context", r.FailureMessage);
    }

    [Fact]
    public async Task Unsupported_magic_commands_are_rejected()
    {
        var r = await Nb.Run("var a = 1;\n#!about");

        Assert.Equal("test.ipynb: cell 1, line 2: error DNI101: Unknown magic command '#!about'", r.FailureMessage);
    }

    [Fact]
    public async Task Working_directory_is_the_notebook_folder_during_the_run()
    {
        var dir = Nb.TempDir();
        File.WriteAllText(Path.Combine(dir, "data.txt"), "from file");
        var before = Environment.CurrentDirectory;
        var path = Nb.Write(Nb.Text("System.IO.File.ReadAllText(\"data.txt\")"), dir);

        var r = await new NotebookRunner().RunAsync(path, Nb.Options());

        Assert.Equal("from file", Nb.Plain(r, 1));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Other_kernels_are_rejected()
    {
        var doc = Ipynb.NotebookDocument.Parse(Nb.Text("1"));
        doc.Cells[0].Json["metadata"]!["polyglot_notebook"]!["kernelName"] = "pwsh";
        var r = await new NotebookRunner().RunTextAsync(doc.ToText(), Nb.TempDir(), Nb.Options());

        Assert.Equal("test.ipynb: cell 1: the cell uses kernel 'pwsh'; the ReturnMonitor notebook runner only runs C# cells", r.FailureMessage);
    }
}
