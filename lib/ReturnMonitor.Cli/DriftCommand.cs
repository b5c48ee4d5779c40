using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Reporting;

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
        var command = new Command("drift", "Compare a batch with the reference: per-feature drift, score and status") { reference, current, format, failOn };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            // Both sides are streamed into exact summaries (CSV or Parquet, all cores, bounded memory).
            ReferenceProfile profile;
            DatasetSummary batch;
            using (var progress = ProgressDisplay.Start(io, quiet: parse.GetValue(format) == "json"))
            {
                profile = LoadReference(parse.GetValue(reference)!, progress.Options);
                batch = OrderFileSummarizer.Summarize(parse.GetValue(current)!, options: progress.Options);
            }

            var report = profile.Compare(batch);
            if (parse.GetValue(format) == "json")
            {
                io.Out.Write(DriftJson.Serialize(report));
            }
            else
            {
                TextTables.Drift(io.Console, report);
            }

            return parse.GetValue(failOn) is { } threshold && Meets(report.Status, threshold) ? CliApp.AlertRaised : CliApp.Success;
        }));
        return command;
    }

    /// <summary>A profile JSON file as is, or a CSV or Parquet file summarised on the fly.</summary>
    public static ReferenceProfile LoadReference(string path, SummarizeOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found");
        }

        return !OrderFileSummarizer.IsParquet(path) && ReferenceProfile.LooksLikeProfile(path)
            ? ReferenceProfile.Load(path)
            : new ReferenceProfile(OrderFileSummarizer.Summarize(path, options: options));
    }

    private static bool Meets(DriftStatus status, string threshold) =>
        threshold == "warning" ? status >= DriftStatus.Warning : status >= DriftStatus.Critical;
}
