namespace ReturnMonitor.Data;

/// <summary>
/// The demo's four order files — training data and the normal, flash-sale and supply-crisis batches — generated and
/// written in one place, for <c>generate</c> and <c>demo</c> (same seed, same sizes: byte-identical files).
/// </summary>
public static class DemoFiles
{
    /// <summary>File name of each scenario's CSV, as in the original system.</summary>
    public static IReadOnlyList<(Scenario Scenario, string File)> Files { get; } =
    [
        (Scenario.Baseline, "train.csv"),
        (Scenario.Normal, "batch_1_normal.csv"),
        (Scenario.FlashSale, "batch_2_flash_sale.csv"),
        (Scenario.SupplyCrisis, "batch_3_supply_crisis.csv"),
    ];

    /// <summary>Generates and writes the four files into <paramref name="directory"/> (created when missing); returns them with their paths.</summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="seed">Random seed (<see cref="OrderGenerator.DefaultSeed"/> for the committed data/).</param>
    /// <param name="trainSize">Orders in train.csv.</param>
    /// <param name="batchSize">Orders in each batch file.</param>
    public static IReadOnlyList<(string Path, OrderTable Table)> Write(string directory, ulong seed, int trainSize, int batchSize)
    {
        InputFiles.RequireOutputDirectory(directory);
        Directory.CreateDirectory(directory);
        var result = new List<(string, OrderTable)>();
        foreach (var (scenario, file) in Files)
        {
            var table = OrderGenerator.Generate(scenario, scenario == Scenario.Baseline ? trainSize : batchSize, seed);
            var path = Path.Combine(directory, file);
            OrderCsv.Write(table, path);
            result.Add((path, table));
        }

        return result;
    }
}
