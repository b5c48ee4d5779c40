using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>report --reference FILE|PROFILE --current FILE [--current FILE …] [--model DIR] --out report.html</c>:
/// the offline HTML dashboard for one or more batches; <c>report --history FILE --out report.html</c> alone: the
/// timeline of a monitoring history.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliOutput io)
    {
        var reference = new Option<string?>("--reference") { Description = "Training CSV or profile.json (with --current)" };
        var current = new Option<string[]>("--current") { Description = "Batch CSV or Parquet (.parquet); repeat for several batches. Without it, --history alone draws the timeline", AllowMultipleArgumentsPerToken = false };
        var model = new Option<string?>("--model") { Description = "Model directory written by 'train' (adds model health: realized and estimated performance, prediction drift, domain classifier)" };
        var outOption = new Option<string>("--out") { Description = "HTML file to write", Required = true };
        var history = new Option<string?>("--history") { Description = "History database written by 'monitor': adds the timeline (score, sequential detector, PSI heat map, accuracy, return rate, alerts)" };
        var costs = SharedOptions.Costs();
        var command = new Command("report", "Write the offline HTML monitoring dashboard for one or more batches") { reference, current, model, outOption, history, costs };
        var reading = DataOptions.ForData(strict: true);
        reading.AddTo(command);
        var every = DataEngine.EveryOption();
        command.Options.Add(every);
        var scores = ScoreOptions.AddTo(command, reading: reading);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            InputFiles.RequireOutputFile(parse.GetValue(outOption)!);
            if (parse.GetValue(current) is not { Length: > 0 })
            {
                return TimelineOnly(io, parse.GetValue(history), parse.GetValue(outOption)!);
            }

            if (parse.GetValue(reference) is null)
            {
                throw new UsageException("--current needs --reference (the training file or profile.json to compare with)");
            }

            // No cost file: the defaults for the table (BatchMonitor), EUR only for the demo's columns.
            var costModel = parse.GetValue(costs) is { } costsPath ? CostModel.Load(costsPath) : null;
            var profile = DataEngine.LoadReference(DataEngine.Builtin, parse.GetValue(reference)!, null, reading, parse, io);
            // With a model folder each batch also gets the model sections (and the model-health panel). Batches may have
            // empty cells (counted in the data-quality card); the reference stays strict.
            var folder = parse.GetValue(model) is { } modelDirectory ? ModelDirectory.Load(modelDirectory) : null;
            var scored = scores.Monitor(parse, parse.GetValue(reference)!, folder is not null, profile, costModel);
            var monitor = scored ?? new BatchMonitor(profile, folder?.Monitor, costs: costModel);
            // With --every each file is cut into periods by its date column: one batch (and one dashboard entry) per
            // period, each with its rows' scores when they come from a score column.
            var checks = parse.GetValue(every) is { } length
                ? parse.GetValue(current)!.SelectMany(path => DataEngine.Periods(path, profile, length, parse.GetValue(reading.Timestamp), parse.GetValue(reading.TimestampFormat), scored))
                    .Select(p => monitor.Check(p.Orders)).ToArray()
                : parse.GetValue(current)!.Select(path => monitor.Check(DataEngine.ReadBatch(path, profile), path)).ToArray();
            HtmlReport.WriteFile(parse.GetValue(outOption)!, monitor, checks, parse.GetValue(history) is { } historyPath ? HistoryTimeline.Panel(ReadHistory(historyPath)) : null);
            io.Out.WriteLine($"wrote {parse.GetValue(outOption)} ({checks.Length} batch(es))");
            return CliApp.Success;
        }));
        return command;
    }

    // report --history FILE without batches: the timeline page alone.
    private static int TimelineOnly(CliOutput io, string? historyPath, string outPath)
    {
        if (historyPath is null)
        {
            throw new UsageException("give --reference with --current (one or more batches), or --history FILE alone for the timeline");
        }

        var entries = ReadHistory(historyPath);
        if (HistoryTimeline.Panel(entries) is not { } panel)
        {
            throw new UsageException($"{historyPath}: no batch recorded yet, so there is no timeline to draw (record batches with 'returnmonitor monitor')");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(outPath, HtmlReport.RenderTimeline(Path.GetFileName(historyPath), entries.Count, panel));
        io.Out.WriteLine($"wrote {outPath} (timeline of {entries.Count} recorded batch(es))");
        return CliApp.Success;
    }

    /// <summary>The recorded batches of an existing history file, opened read-only.</summary>
    public static IReadOnlyList<HistoryEntry> ReadHistory(string path)
    {
        InputFiles.RequireFile(path, hint: "record batches into it with 'returnmonitor monitor'");

        using var store = HistoryStore.OpenReadOnly(path);
        return store.Batches();
    }
}
