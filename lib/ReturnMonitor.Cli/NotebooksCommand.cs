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
        // Set only in the child process of an isolated run (see NotebookProcess): where this run records its progress.
        var progressFile = new Option<string?>(NotebookProcess.ProgressOption) { Hidden = true };
        var run = new Command("run", "Execute notebooks in order, cell by cell, and save their outputs (each notebook in a process of its own)") { paths, check, progressFile };
        run.SetAction(parse => CliApp.Guard(io, () =>
        {
            var options = new NotebookRunOptions { Check = parse.GetValue(check) };
            int code;
            if (parse.GetValue(progressFile) is { } progress)
            {
                code = NotebookCommand.RunAsync(parse.GetValue(paths)!, NotebookProcess.RecordProgress(progress, options), io.Out, io.Err, CancellationToken.None).GetAwaiter().GetResult();
                NotebookProcess.RecordDone(progress);
            }
            else
            {
                // A cell may end its process (Environment.Exit, an exception on a thread it started): each notebook runs
                // in a child so that ends one notebook, named with its cell, and the others still run.
                code = NotebookCommand.RunAsync(parse.GetValue(paths)!, options, io.Out, io.Err, CliApp.Launcher(), CancellationToken.None).GetAwaiter().GetResult();
            }
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
