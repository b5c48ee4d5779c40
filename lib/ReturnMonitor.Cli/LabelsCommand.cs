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
        var minimum = MinimumOption();
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
            var share = Minimum(parse.GetValue(minimum));
            var rows = LabelsFile.Read(labelsPath, parse.GetValue(idColumn)!, parse.GetValue(target)!, parse.GetValue(positive));
            using var store = HistoryStore.Open(historyPath);
            Print(io, store.AddLabels(rows, share), Path.GetFileName(labelsPath));
            return CliApp.Success;
        }));
        return command;
    }

    /// <summary><c>--min-labelled</c>, shared with <c>monitor --labels</c>.</summary>
    public static Option<double?> MinimumOption() =>
        new("--min-labelled") { Description = "Share of a period's orders that must be labelled before its realized figures are computed (default 0.9)" };

    /// <summary>The minimum labelled share given, or the default.</summary>
    /// <exception cref="UsageException">Not in (0, 1].</exception>
    public static double Minimum(double? given) => given switch
    {
        null => HistoryStore.DefaultMinimumLabelledShare,
        > 0 and <= 1 => given.Value,
        _ => throw new UsageException($"--min-labelled must be a share above 0 and at most 1 (got {given.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})"),
    };

    /// <summary>Prints the join's lines, and a warning on stderr when rows were unknown, duplicate or conflicting.</summary>
    public static void Print(CliOutput io, LabelsOutcome outcome, string file)
    {
        foreach (var line in LabelsText.Lines(outcome, file))
        {
            io.Out.WriteLine(line);
        }

        if (outcome.Unknown + outcome.Duplicates + outcome.Conflicts > 0)
        {
            io.Error($"warning: {file}: {outcome.Unknown} unknown id(s), {outcome.Duplicates} duplicate id(s), {outcome.Conflicts} conflicting label(s) (see the first line of the output)");
        }
    }
}
