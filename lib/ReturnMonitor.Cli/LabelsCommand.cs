using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.History;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>labels --history FILE --labels FILE --id-column COL [--target COL] [--positive V] [--min-labelled SHARE]</c>: joins
/// labels that arrived after the periods were recorded to the orders the history keeps, and prints one line per period
/// touched. Exit codes: 0 the labels were joined (unknown, duplicate and conflicting rows are counted in the output, and
/// a warning goes to stderr); 1 bad input or usage.
/// </summary>
internal static class LabelsCommand
{
    public static Command Create(CliOutput io)
    {
        var history = new Option<string>("--history") { Description = "The history database written by 'monitor'", Required = true };
        var labels = new Option<string>("--labels") { Description = "CSV with the late labels: the id column and the target column", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "The labels file's order id column (the ids the periods were recorded with)", Required = true };
        var target = new Option<string>("--target") { Description = "The labels file's label column", DefaultValueFactory = _ => OrderSchema.Target };
        var positive = new Option<string?>("--positive") { Description = "The label value that means returned (default: labels are 0 or 1)" };
        var minimum = LabelsOptions.MinimumOption();
        var command = new Command("labels", "Join labels that arrived later to the recorded periods: realized metrics and money beside the estimate made at the time")
        {
            history, labels, idColumn, target, positive, minimum,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var historyPath = parse.GetValue(history)!;
            InputFiles.RequireFile(historyPath, hint: "record batches into it with 'returnmonitor monitor --id-column COL'");
            var labelsPath = parse.GetValue(labels)!;
            InputFiles.RequireFile(labelsPath);
            var share = LabelsOptions.Minimum(parse.GetValue(minimum));
            var rows = LabelsFile.Read(labelsPath, parse.GetValue(idColumn)!, parse.GetValue(target)!, parse.GetValue(positive));
            using var store = HistoryStore.Open(historyPath);
            LabelsOptions.Print(io, store.AddLabels(rows, share), Path.GetFileName(labelsPath));
            return CliApp.Success;
        }));
        return command;
    }
}
