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
            TextTables.Training(io.Console, Train(parse.GetValue(data)!, parse.GetValue(outOption)!, io).Training);
            return CliApp.Success;
        }));
        return command;
    }

    /// <summary>Reads, trains, evaluates and saves; the profile is fitted on the whole training file.</summary>
    public static ModelDirectory Train(string dataPath, string outDirectory, CliOutput io)
    {
        InputFiles.RequireOutputDirectory(outDirectory);
        var table = OrderFile.Read(dataPath);
        if (!table.HasTarget)
        {
            throw new UsageException($"{dataPath} has no '{OrderSchema.Target}' column: training needs labelled orders");
        }

        io.Progress($"training on {table.Count} orders from {dataPath}…");
        var folder = ModelDirectory.Train(table);
        folder.Save(outDirectory);
        io.Progress($"wrote {outDirectory}: {string.Join(", ", ModelDirectory.RequiredFiles)}, {ModelMonitor.SampleFileName}");
        return folder;
    }
}
