using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Generation;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>generate --out DIR [--seed N] [--train-size N] [--batch-size N]</c>: writes the four scenario files;
/// <c>generate --shape second-shop --out DIR [--seed N]</c>: a year of orders of another shape (<see cref="SecondShop"/>).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliOutput io)
    {
        var outOption = new Option<string>("--out") { Description = "Directory to write the CSV files to", Required = true };
        var seed = SharedOptions.Seed();
        var trainSize = new Option<int>("--train-size") { Description = "Orders in train.csv", DefaultValueFactory = _ => 5000 };
        var batchSize = new Option<int>("--batch-size") { Description = "Orders in each batch file", DefaultValueFactory = _ => 1000 };
        var shape = new Option<string>("--shape") { Description = "demo (the demo shop's four files) or second-shop (a year of orders of another shape: reference.csv January-June, current.csv July-December)", DefaultValueFactory = _ => "demo" };
        shape.AcceptOnlyFromAmong("demo", "second-shop");
        var command = new Command("generate", "Generate synthetic orders: training data and the normal, flash-sale and supply-crisis batches, or (--shape second-shop) a file of another shape")
        {
            outOption, seed, trainSize, batchSize, shape,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            if (parse.GetValue(shape) == "second-shop")
            {
                InputFiles.RequireOutputDirectory(parse.GetValue(outOption)!);
                // The demo's seed is the option's default; the committed second-shop files use their own.
                var given = parse.GetResult(seed) is { Implicit: false } ? parse.GetValue(seed) : SecondShop.DefaultSeed;
                foreach (var file in SecondShop.Write(parse.GetValue(outOption)!, given))
                {
                    io.Out.WriteLine($"{file}: {File.ReadLines(file).Count() - 1} orders");
                }

                return CliApp.Success;
            }

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
