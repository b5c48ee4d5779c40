using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>demo [--data DIR] [--out DIR] [--seed N]</c>: the main job on the built-in demo data — regenerate the data,
/// train, check every batch, print the key-results table and write artifacts.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "Directory of the demo CSV files (regenerated)", DefaultValueFactory = _ => "data" };
        var outOption = new Option<string>("--out") { Description = "Directory for the model, profile and JSON results", DefaultValueFactory = _ => "artifacts" };
        var seed = SharedOptions.Seed();
        var costs = SharedOptions.Costs();
        var command = new Command("demo", "Run the whole job on the built-in demo data: generate, train, check every batch, summarise") { data, outOption, seed, costs };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            Run(parse.GetValue(data)!, parse.GetValue(outOption)!, parse.GetValue(seed), io, CostModel.LoadOrDefault(parse.GetValue(costs)));
            return CliApp.Success;
        }));
        return command;
    }

    public static IReadOnlyList<BatchCheck> Run(string dataDirectory, string outDirectory, ulong seed, CliOutput io, CostModel? costs = null)
    {
        ReturnMonitor.Data.InputFiles.RequireOutputDirectory(outDirectory);
        io.Progress($"[1/4] generating demo data in {dataDirectory}/ (seed {seed})…");
        var files = DemoFiles.Write(dataDirectory, seed, 5000, 1000);

        io.Progress("[2/4] training the return model…");
        var modelDirectory = Path.Combine(outDirectory, "model");
        var trainPath = files[0].Path;
        var folder = ModelDirectory.TrainFile(trainPath, modelDirectory, io.Progress);
        var training = folder.Training;
        TextTables.Training(io.Console, training);

        io.Progress("[3/4] checking the batches…");
        // Read back from disk, so the demo checks exactly what 'drift --model' would use.
        var monitor = new BatchMonitor(ModelDirectory.Load(modelDirectory), costs: costs);
        var checks = new List<BatchCheck>();
        var driftDirectory = Path.Combine(outDirectory, "drift");
        Directory.CreateDirectory(driftDirectory);
        foreach (var (path, _) in files.Skip(1))
        {
            var check = monitor.Check(DataEngine.ReadBatch(path));
            checks.Add(check);
            // The same document as `drift --model DIR --format json`.
            File.WriteAllText(Path.Combine(driftDirectory, Path.GetFileNameWithoutExtension(path) + ".json"), BatchCheckJson.Serialize(check));
            io.Progress($"      {Path.GetFileName(path)}: {DriftJson.Name(check.Drift.Status)} (score {NumberText.Fixed(check.Drift.Score, 1)}, {BatchCheckJson.Name(check.Recommendation.Urgency)})");
        }

        io.Progress("      recording the 16-week stream into the history…");
        var historyPath = DemoStream.Record(modelDirectory, outDirectory, seed, io);
        io.Progress($"      history: {historyPath}");

        var reportPath = Path.Combine(outDirectory, "report.html");
        IReadOnlyList<HistoryEntry> history;
        using (var store = HistoryStore.Open(historyPath))
        {
            history = store.Batches();
        }

        HtmlReport.WriteFile(reportPath, monitor, checks, HistoryTimeline.Panel(history));
        io.Progress($"      dashboard: {reportPath}");

        io.Progress("[4/4] summary");
        TextTables.Summary(io.Console, monitor.ReferenceOverview, training, checks);
        TextTables.ModelHealth(io.Console, checks);
        io.Progress($"artifacts written to {outDirectory}/");
        return checks;
    }
}
