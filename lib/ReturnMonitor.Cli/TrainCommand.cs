using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary><c>train --data FILE --out DIR</c>: trains the return model, prints its metrics, writes the model folder (see ModelDirectory).</summary>
internal static class TrainCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "Labelled training CSV", Required = true };
        var outOption = new Option<string>("--out") { Description = "Directory for model.zip and profile.json", Required = true };
        // The help names the model really fitted: the defaults of ReturnModelOptions, chosen once by nested cross-validation ('models').
        var command = new Command("train", $"Train the return model — {new ReturnModelOptions().Describe()}, the trainer and settings chosen by nested cross-validation (see 'models') — and write it with the reference profile") { data, outOption };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            InputFiles.RequireOutputDirectory(parse.GetValue(outOption)!);
            TextTables.Training(io.Console, ModelDirectory.TrainFile(parse.GetValue(data)!, parse.GetValue(outOption)!, io.Progress).Training);
            return CliApp.Success;
        }));
        return command;
    }
}
