using System.CommandLine;
using ReturnMonitor.Notebooks;
using ReturnMonitor.Notebooks.Export;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>notebooks run [--check] PATHS…</c>: executes the workbook's notebooks and writes their outputs back;
/// <c>notebooks export NOTEBOOK --out FILE.html</c>: a standalone HTML page for reviewers.
/// </summary>
internal static class NotebooksCommand
{
    public static Command Create(CliOutput io)
    {
        var paths = new Argument<string[]>("paths") { Description = "Notebooks (.ipynb) or folders of notebooks", Arity = ArgumentArity.OneOrMore };
        var check = new Option<bool>("--check") { Description = "Run without writing; fail if the committed outputs are stale" };
        var run = new Command("run", "Execute notebooks in order, cell by cell, and save their outputs") { paths, check };
        run.SetAction(parse => CliApp.Guard(io, () =>
        {
            var code = NotebookCommand.RunAsync(parse.GetValue(paths)!, parse.GetValue(check), io.Out, io.Err).GetAwaiter().GetResult();
            // The runner uses 2 for usage errors; the CLI's convention is 1 for every bad input or usage.
            return code == NotebookCommand.Success ? CliApp.Success : CliApp.Failure;
        }));

        var notebook = new Argument<string>("notebook") { Description = "The .ipynb file to export" };
        var outOption = new Option<string>("--out") { Description = "HTML file to write", Required = true };
        var export = new Command("export", "Export a notebook with its outputs to a standalone HTML page") { notebook, outOption };
        export.SetAction(parse => CliApp.Guard(io, () =>
        {
            var source = parse.GetValue(notebook)!;
            ReturnMonitor.Data.InputFiles.RequireFile(source);
            ReturnMonitor.Data.InputFiles.RequireOutputFile(parse.GetValue(outOption)!);

            NotebookHtmlExporter.ExportFileAsync(source, parse.GetValue(outOption)!).GetAwaiter().GetResult();
            io.Out.WriteLine($"wrote {parse.GetValue(outOption)}");
            return CliApp.Success;
        }));

        return new Command("notebooks", "Run or export the C# notebooks of the workbook") { run, export };
    }
}
