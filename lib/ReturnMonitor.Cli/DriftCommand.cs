using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary><c>drift --reference FILE|PROFILE --current FILE [--format text|json] [--fail-on warning|critical]</c>.</summary>
internal static class DriftCommand
{
    public static Command Create(CliOutput io)
    {
        var reference = new Option<string>("--reference") { Description = "Training CSV or a profile.json written by 'train' or 'profile'", Required = true };
        var current = new Option<string>("--current") { Description = "The batch to check: CSV, or Parquet (.parquet)", Required = true };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with code 2 when the status is at least this: warning or critical" };
        failOn.AcceptOnlyFromAmong("warning", "critical");
        var modelOption = new Option<string?>("--model") { Description = "Model directory from 'train': adds realized/estimated performance, prediction drift and the domain classifier" };
        var engine = DataEngine.CreateOption();
        var costs = SharedOptions.Costs();
        var exactLimit = DataEngine.CreateExactLimitOption();
        var command = new Command("drift", "Compare a batch with the reference: per-feature drift, score and status") { reference, current, format, failOn, modelOption, engine, costs, exactLimit };
        var reading = DataOptions.ForData(strict: true);
        reading.AddTo(command);
        var every = DataEngine.EveryOption();
        command.Options.Add(every);
        var scores = ScoreOptions.AddTo(command, reading: reading);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var json = parse.GetValue(format) == "json";
            var batchPath = parse.GetValue(current)!;
            BatchCheck? check;
            ReferenceProfile profile;
            CostModel? costModel;
            using (var progress = ProgressDisplay.Start(io, quiet: json))
            {
                // Read first, so that a bad cost file fails before any long work. The reference's empty cells are counted
                // as its missing rate (refused with --strict); the batch, read against the reference's schema, accepts
                // empty cells and absent columns, counted in the data-quality section instead of rejecting the batch.
                // No cost file: the defaults for the table (BatchMonitor), EUR only for the demo's columns.
                costModel = parse.GetValue(costs) is { } costsPath ? CostModel.Load(costsPath) : null;
                var options = DataEngine.WithExactLimit(progress.Options, parse.GetValue(exactLimit));
                // One load of the reference for both paths (with --every too, so its exact limit and progress apply).
                profile = DataEngine.LoadReference(parse.GetValue(engine)!, parse.GetValue(reference)!, options, reading, parse, io);
                if (parse.GetValue(every) is not null)
                {
                    // Cut into periods after the progress display is gone: each period is checked and printed below.
                    check = null;
                }
                else if (scores.Monitor(parse, parse.GetValue(reference)!, parse.GetValue(modelOption) is not null, profile, costModel) is { } scored)
                {
                    check = scored.Check(DataEngine.ReadBatch(batchPath, profile), batchPath);
                }
                else if (parse.GetValue(modelOption) is { } modelDirectory)
                {
                    // The model sections need the orders themselves (to score them): the batch is read whole.
                    var folder = ModelDirectory.Load(modelDirectory);
                    check = new BatchMonitor(profile, folder.Monitor, costs: costModel).Check(DataEngine.ReadBatch(batchPath, profile));
                }
                else
                {
                    // Drift alone needs only the batch's exact summary: streamed on all cores in bounded memory (or by DuckDB).
                    check = new BatchMonitor(profile).Check(DataEngine.SummarizeBatch(parse.GetValue(engine)!, batchPath, profile, options));
                }
            }

            if (parse.GetValue(every) is { } length)
            {
                return Periods(io, parse, reading, scores, length, json, parse.GetValue(failOn), parse.GetValue(modelOption), costModel, profile, parse.GetValue(reference)!, batchPath);
            }

            if (json)
            {
                io.Out.Write(BatchCheckJson.Serialize(check!));
            }
            else
            {
                TextTables.Check(io.Console, check!);
            }

            return parse.GetValue(failOn) is { } threshold && Meets(check!.Drift.Status, threshold) ? CliApp.AlertRaised : CliApp.Success;
        }));
        return command;
    }

    // drift --every: one check per period of the batch file, in time order; the exit code is the worst period's.
    // With a score column each period takes its rows' scores from the file, as 'monitor --every' does; an ONNX model
    // scores each period's orders itself.
    private static int Periods(CliOutput io, ParseResult parse, DataOptions reading, ScoreOptions scores, string length, bool json, string? failOn, string? modelDirectory, CostModel? costs, ReferenceProfile profile, string referencePath, string batchPath)
    {
        var scored = scores.Monitor(parse, referencePath, modelDirectory is not null, profile, costs);
        var folder = scored is null && modelDirectory is not null ? ModelDirectory.Load(modelDirectory) : null;
        var monitor = scored ?? new BatchMonitor(profile, folder?.Monitor, costs: costs);
        var checks = DataEngine.Periods(batchPath, profile, length, parse.GetValue(reading.Timestamp), parse.GetValue(reading.TimestampFormat), scored)
            .Select(p => (p.Period, Check: monitor.Check(p.Orders)))
            .ToArray();
        if (json)
        {
            var periods = new System.Text.Json.Nodes.JsonArray();
            foreach (var (period, check) in checks)
            {
                periods.Add(new System.Text.Json.Nodes.JsonObject { ["period"] = period.Label, ["check"] = BatchCheckJson.ToNode(check) });
            }

            io.Out.Write(new System.Text.Json.Nodes.JsonObject { ["every"] = length, ["periods"] = periods }.ToJsonString(ReturnMonitor.Json.JsonDefaults.Options) + "\n");
        }
        else
        {
            foreach (var (period, check) in checks)
            {
                io.Out.WriteLine($"== {period.Label}: {check.Drift.CurrentRows} orders ==");
                TextTables.Check(io.Console, check);
            }
        }

        return failOn is { } threshold && checks.Any(c => Meets(c.Check.Drift.Status, threshold)) ? CliApp.AlertRaised : CliApp.Success;
    }

    /// <summary>A profile JSON file as is, or a CSV or Parquet file summarised on the fly by our reader.</summary>
    public static ReferenceProfile LoadReference(string path, SummarizeOptions? options = null) =>
        DataEngine.LoadReference(DataEngine.Builtin, path, options);

    private static bool Meets(DriftStatus status, string threshold) =>
        threshold == "warning" ? status >= DriftStatus.Warning : status >= DriftStatus.Critical;
}
