using System.CommandLine;
using ReturnMonitor.Data;

namespace ReturnMonitor.Cli;

/// <summary><c>generate --out DIR [--seed N] [--train-size N] [--batch-size N]</c>: writes the four scenario files.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliOutput io)
    {
        var outOption = new Option<string>("--out") { Description = "Directory to write the CSV files to", Required = true };
        var seed = SharedOptions.Seed();
        var trainSize = new Option<int>("--train-size") { Description = "Orders in train.csv", DefaultValueFactory = _ => 5000 };
        var batchSize = new Option<int>("--batch-size") { Description = "Orders in each batch file", DefaultValueFactory = _ => 1000 };
        var command = new Command("generate", "Generate synthetic orders: training data and the normal, flash-sale and supply-crisis batches")
        {
            outOption, seed, trainSize, batchSize,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var written = DemoFiles.Write(parse.GetValue(outOption)!, parse.GetValue(seed), Positive(parse.GetValue(trainSize), "--train-size"), Positive(parse.GetValue(batchSize), "--batch-size"));
            foreach (var (file, table) in written)
            {
                io.Out.WriteLine($"{file}: {table.Count} orders, return rate {NumberText.Percent(table.ReturnRate)}");
            }

            return CliApp.Success;
        }));
        return command;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be a positive number of orders, got {value}");
}
