using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>profile --data FILE --out PROFILE</c>: summarises the reference data (CSV or Parquet, any size, streamed on all cores)
/// into the exact profile JSON once, so that every later <c>drift --reference PROFILE</c> skips re-reading it.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "Reference data: CSV, or Parquet (.parquet)", Required = true };
        var outOption = new Option<string>("--out") { Description = "Profile JSON file to write", Required = true };
        var command = new Command("profile", "Summarise reference data once into an exact profile.json for 'drift --reference'") { data, outOption };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var path = parse.GetValue(data)!;
            var target = parse.GetValue(outOption)!;
            DatasetSummary summary;
            using (var progress = ProgressDisplay.Start(io, quiet: false))
            {
                summary = OrderFile.Summarize(path, options: progress.Options);
            }

            new ReferenceProfile(summary).Save(target);
            io.Out.WriteLine($"{target}: profile of {summary.Rows} orders from {path}");
            return CliApp.Success;
        }));
        return command;
    }
}
