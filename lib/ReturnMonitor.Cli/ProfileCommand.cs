using System.CommandLine;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Cli;

/// <summary><c>profile --data FILE --out PROFILE</c>: summarise reference data once, so later checks never re-read it.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "Reference CSV (streamed; any length)", Required = true };
        var outOption = new Option<string>("--out") { Description = "Profile JSON to write", Required = true };
        var command = new Command("profile", "Write the reference profile (exact per-feature summaries) of a CSV file") { data, outOption };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var summary = DatasetSummary.Read(parse.GetValue(data)!);
            new ReferenceProfile(summary).Save(parse.GetValue(outOption)!);
            io.Out.WriteLine($"wrote {parse.GetValue(outOption)}: {summary.Rows} orders summarised");
            return CliApp.Success;
        }));
        return command;
    }
}
