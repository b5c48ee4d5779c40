using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Cli;

/// <summary><c>train --data FILE --out DIR</c>: trains the return model, prints its metrics, writes model.zip and profile.json.</summary>
internal static class TrainCommand
{
    /// <summary>File name of the reference profile in a model directory.</summary>
    public const string ProfileFileName = "profile.json";

    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "Labelled training CSV", Required = true };
        var outOption = new Option<string>("--out") { Description = "Directory for model.zip and profile.json", Required = true };
        var command = new Command("train", "Train the return model (random forest) and write it with the reference profile") { data, outOption };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var (_, report) = Train(parse.GetValue(data)!, parse.GetValue(outOption)!, io);
            TextTables.Training(io.Console, report);
            return CliApp.Success;
        }));
        return command;
    }

    /// <summary>Reads, trains, evaluates and saves; the profile is fitted on the whole training file.</summary>
    public static (ReturnModel Model, TrainingReport Report) Train(string dataPath, string outDirectory, CliOutput io)
    {
        var table = OrderCsv.Read(dataPath);
        if (!table.HasTarget)
        {
            throw new UsageException($"{dataPath} has no '{OrderSchema.Target}' column: training needs labelled orders");
        }

        io.Progress($"training on {table.Count} orders from {dataPath}…");
        var (model, report, test) = ModelTrainer.TrainAndEvaluate(table);
        model.Save(outDirectory);
        // Calibration, held-out scores and a reference sample for model-aware monitoring ('drift --model').
        ModelMonitor.Fit(model, test, table).Save(outDirectory);
        ReferenceProfile.Fit(table, report).Save(Path.Combine(outDirectory, ProfileFileName));
        io.Progress($"wrote {Path.Combine(outDirectory, ReturnModel.ModelFileName)} and {Path.Combine(outDirectory, ProfileFileName)}");
        return (model, report);
    }
}
