using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring;

/// <summary>
/// One model folder trained once per test run on 2,000 baseline orders (seed 21), shared by the tests that need a
/// model-aware monitor, plus the two batches they check: a normal week and a flash sale of 800 orders.
/// </summary>
internal static class SmallModel
{
    private static readonly Lazy<ModelDirectory> Trained = new(() => ModelDirectory.Train(OrderGenerator.Generate(Scenario.Baseline, 2000, 21)));

    /// <summary>The trained folder (in memory; save it to test loading).</summary>
    public static ModelDirectory Folder => Trained.Value;

    /// <summary>A monitor of the folder without the domain classifier (seconds per batch, not needed by most tests).</summary>
    public static BatchMonitor Monitor => new(Folder) { Multivariate = false };

    public static OrderTable Normal { get; } = OrderGenerator.Generate(Scenario.Normal, 800, 22);

    public static OrderTable FlashSale { get; } = OrderGenerator.Generate(Scenario.FlashSale, 800, 23);
}
