using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
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
        var reading = DataOptions.ForData(strict: true);
        reading.AddTo(command);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var outDirectory = parse.GetValue(outOption)!;
            var dataPath = parse.GetValue(data)!;
            InputFiles.RequireOutputDirectory(outDirectory);
            // The reading part: the data against its schema (given, the demo's, or inferred and printed), gaps counted
            // as missing unless --strict. The folder's profile carries the schema, so later commands read batches by it.
            var schema = reading.Resolve(parse, dataPath, io);
            var table = SchemaReader.Read(dataPath, schema, reading.ReferenceCells(parse));
            if (!table.HasTarget)
            {
                throw new ArgumentException($"{dataPath} has no target column ('{schema.Target?.Name ?? OrderSchema.Target}'): training needs labelled orders (give --target COL)");
            }

            io.Progress($"training on {table.Count} orders from {dataPath}…");
            var folder = ModelDirectory.Train(table);
            folder = folder with { Profile = new ReferenceProfile(folder.Profile.Summary, schema) };
            folder.Save(outDirectory);
            io.Progress($"wrote {outDirectory}: {string.Join(", ", ModelDirectory.RequiredFiles)}, {ModelMonitor.SampleFileName}");
            TextTables.Training(io.Console, folder.Training);
            return CliApp.Success;
        }));
        return command;
    }
}
