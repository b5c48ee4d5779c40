using BenchmarkDotNet.Attributes;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Benchmarks;

/// <summary>Batch scoring: <see cref="ReturnModel.PredictProbabilities"/> on 100,000 orders with the default forest.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ReturnModel model = null!;
    private OrderTable batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = ReturnModel.Train(BenchData.Table(Scenario.Baseline, 5000));
        batch = BenchData.Table(Scenario.FlashSale, 100_000);
    }

    [Benchmark]
    public double[] PredictProbabilities_100k() => model.PredictProbabilities(batch);
}
