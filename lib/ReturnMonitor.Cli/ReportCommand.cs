using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>report --reference FILE|PROFILE --current FILE [--current FILE …] [--model DIR] --out report.html</c>:
/// the offline HTML dashboard for one or more batches.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliOutput io)
    {
        var reference = new Option<string>("--reference") { Description = "Training CSV or profile.json", Required = true };
        var current = new Option<string[]>("--current") { Description = "Batch CSV or Parquet (.parquet); repeat for several batches", Required = true, AllowMultipleArgumentsPerToken = false };
        var model = new Option<string?>("--model") { Description = "Model directory written by 'train' (adds model health: realized and estimated performance, prediction drift, domain classifier)" };
        var outOption = new Option<string>("--out") { Description = "HTML file to write", Required = true };
        var history = new Option<string?>("--history") { Description = "History database written by 'monitor': adds the timeline (score, sequential detector, PSI heat map, accuracy, return rate, alerts)" };
        var costs = SharedOptions.Costs();
        var command = new Command("report", "Write the offline HTML monitoring dashboard for one or more batches") { reference, current, model, outOption, history, costs };
        var reading = DataOptions.ForData(strict: true);
        reading.AddTo(command);
        var every = DataEngine.EveryOption();
        command.Options.Add(every);
        var scores = ScoreOptions.AddTo(command);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            InputFiles.RequireOutputFile(parse.GetValue(outOption)!);
            var costModel = CostModel.LoadOrDefault(parse.GetValue(costs));
            var profile = DataEngine.LoadReference(DataEngine.Builtin, parse.GetValue(reference)!, null, reading, parse, io);
            // With a model folder each batch also gets the model sections (and the model-health panel). Batches may have
            // empty cells (counted in the data-quality card); the reference stays strict.
            var folder = parse.GetValue(model) is { } modelDirectory ? ModelDirectory.Load(modelDirectory) : null;
            var scored = scores.Monitor(parse, parse.GetValue(reference)!, folder is not null, profile, costModel);
            var monitor = scored ?? new BatchMonitor(profile, folder?.Monitor, costs: costModel);
            if (scored is not null && parse.GetValue(every) is not null)
            {
                throw new UsageException("--every with a score column or an ONNX model: use 'monitor --every', which keeps each period's scores");
            }

            // With --every each file is cut into periods by its date column: one batch (and one dashboard entry) per period.
            var checks = parse.GetValue(every) is { } length
                ? parse.GetValue(current)!.SelectMany(path => DataEngine.Periods(path, profile, length, parse.GetValue(reading.Timestamp), parse.GetValue(reading.TimestampFormat)))
                    .Select(p => monitor.Check(p.Orders)).ToArray()
                : parse.GetValue(current)!.Select(path => monitor.Check(DataEngine.ReadBatch(path, profile), path)).ToArray();
            HtmlReport.WriteFile(parse.GetValue(outOption)!, monitor, checks, parse.GetValue(history) is { } historyPath ? HistoryTimeline.Panel(ReadHistory(historyPath)) : null);
            io.Out.WriteLine($"wrote {parse.GetValue(outOption)} ({checks.Length} batch(es))");
            return CliApp.Success;
        }));
        return command;
    }

    /// <summary>The recorded batches of an existing history file, opened read-only.</summary>
    public static IReadOnlyList<HistoryEntry> ReadHistory(string path)
    {
        InputFiles.RequireFile(path, hint: "record batches into it with 'returnmonitor monitor'");

        using var store = HistoryStore.OpenReadOnly(path);
        return store.Batches();
    }
}
