using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;
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
        var command = new Command("drift", "Compare a batch with the reference: per-feature drift, score and status") { reference, current, format, failOn, modelOption, engine };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            // Both sides are streamed into exact summaries (CSV or Parquet, all cores, bounded memory).
            ReferenceProfile profile;
            DatasetSummary batch;
            using (var progress = ProgressDisplay.Start(io, quiet: parse.GetValue(format) == "json"))
            {
                (profile, batch) = DataEngine.LoadDriftInputs(parse.GetValue(engine)!, parse.GetValue(reference)!, parse.GetValue(current)!, progress.Options);
            }

            var report = profile.Compare(batch);
            // With a model the batch's rows are needed (to score them): it is read whole.
            var check = parse.GetValue(modelOption) is { } modelDirectory ? CheckModel(modelDirectory, parse.GetValue(current)!) : null;
            if (parse.GetValue(format) == "json")
            {
                var root = DriftJson.ToNode(report);
                if (check is not null)
                {
                    ModelCheckJson.AddTo(root, check);
                }

                io.Out.Write(root.ToJsonString(JsonDefaults.Options) + "\n");
            }
            else
            {
                TextTables.Drift(io.Console, report);
                if (check is not null)
                {
                    TextTables.ModelCheck(io.Console, check);
                }
            }

            return parse.GetValue(failOn) is { } threshold && Meets(report.Status, threshold) ? CliApp.AlertRaised : CliApp.Success;
        }));
        return command;
    }

    /// <summary>Loads the model and its monitoring files and checks the batch with them.</summary>
    public static ModelCheck CheckModel(string modelDirectory, string batchPath)
    {
        return ModelDirectory.Load(modelDirectory).Monitor.Check(OrderFile.Read(batchPath));
    }

    /// <summary>A profile JSON file as is, or a CSV or Parquet file summarised on the fly.</summary>
    public static ReferenceProfile LoadReference(string path, SummarizeOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found");
        }

        return !OrderFile.IsParquet(path) && ReferenceProfile.LooksLikeProfile(path)
            ? ReferenceProfile.Load(path)
            : new ReferenceProfile(OrderFile.Summarize(path, options: options));
    }

    private static bool Meets(DriftStatus status, string threshold) =>
        threshold == "warning" ? status >= DriftStatus.Warning : status >= DriftStatus.Critical;
}
