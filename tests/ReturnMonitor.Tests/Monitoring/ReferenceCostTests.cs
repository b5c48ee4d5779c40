using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring;

/// <summary>
/// The money's baseline is the whole reference's realized return cost, not the 5,000-order sample's: in the trial a
/// batch was "EUR 198 more per 1,000 orders" against the sample (return rate 8.2%) while the full reference was about
/// EUR 18 away. The three kept numbers reproduce the full cost under any cost file, and survive save and load.
/// </summary>
public sealed class ReferenceCostTests
{
    [Fact]
    public void The_kept_counts_give_the_full_reference_cost_under_any_cost_file()
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 12_000, 31);
        var returns = ReferenceReturns.Of(reference);

        foreach (var costs in new[] { CostModel.Default, new CostModel("", 3, 0, 0.6, 1, 0.5) })
        {
            // Independent path: the per-order sum the money used before.
            Assert.Equal(MoneyEstimator.RealizedCostPerOrder(costs, reference), returns.CostPerOrder(costs), 1e-9);
        }
    }

    [Fact]
    public void A_monitor_compares_with_the_whole_reference_and_keeps_it_on_disk()
    {
        var reference = OrderGenerator.Generate(Scenario.Baseline, 12_000, 31);
        var folder = SmallModel.Folder;
        var monitor = ModelMonitor.Fit(folder.Model, folder.Monitor.HeldOut!, reference);
        var full = MoneyEstimator.RealizedCostPerOrder(CostModel.Default, reference);
        var sample = MoneyEstimator.RealizedCostPerOrder(CostModel.Default, monitor.ReferenceSample!);
        Assert.NotEqual(full, sample); // 12,000 orders sampled down to 5,000: the sample's cost differs

        Assert.Equal(full, new BatchMonitor(ReferenceProfile.Fit(reference), monitor).ReferenceCostPerOrder, 1e-9);

        var directory = Path.Combine(Cli.CliRunner.TempDirectory(), "m");
        monitor.Save(directory);
        var loaded = ModelMonitor.Load(directory, folder.Model);
        Assert.Equal(monitor.ReferenceReturns, loaded.ReferenceReturns);
        Assert.Equal(full, new BatchMonitor(ReferenceProfile.Fit(reference), loaded).ReferenceCostPerOrder, 1e-9);
    }
}
