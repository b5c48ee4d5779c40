using BenchmarkDotNet.Attributes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Benchmarks;

/// <summary>
/// The statistics on exact summaries: cost grows with the number of distinct values, not with the rows
/// (1M-order summaries have a few hundred distinct values per feature). KS on 1M uses the asymptotic p-value,
/// KS on 5000 vs 1000 the exact one (scipy's 'auto').
/// </summary>
[MemoryDiagnoser]
public class DriftKernelBenchmarks
{
    private DatasetSummary referenceLarge = null!;
    private DatasetSummary currentLarge = null!;
    private DatasetSummary referenceSmall = null!;
    private DatasetSummary currentSmall = null!;

    [GlobalSetup]
    public void Setup()
    {
        referenceLarge = BenchData.Summary(Scenario.Baseline, 1_000_000);
        currentLarge = BenchData.Summary(Scenario.FlashSale, 1_000_000);
        referenceSmall = BenchData.Summary(Scenario.Baseline, 5000);
        currentSmall = BenchData.Summary(Scenario.Normal, 1000);
    }

    [Benchmark]
    public KolmogorovSmirnovResult KolmogorovSmirnov_1M_vs_1M() =>
        KolmogorovSmirnovTest.TwoSample(referenceLarge.Numeric[OrderSchema.ProductPrice], currentLarge.Numeric[OrderSchema.ProductPrice]);

    [Benchmark]
    public KolmogorovSmirnovResult KolmogorovSmirnov_exact_5000_vs_1000() =>
        KolmogorovSmirnovTest.TwoSample(referenceSmall.Numeric[OrderSchema.ProductPrice], currentSmall.Numeric[OrderSchema.ProductPrice]);

    [Benchmark]
    public double Psi_numeric_1M() =>
        PopulationStabilityIndex.Numeric(referenceLarge.Numeric[OrderSchema.ProductPrice], currentLarge.Numeric[OrderSchema.ProductPrice]);

    [Benchmark]
    public double Psi_categorical_1M() =>
        PopulationStabilityIndex.Categorical(referenceLarge.Categorical[OrderSchema.SizeOrdered], currentLarge.Categorical[OrderSchema.SizeOrdered]);

    [Benchmark]
    public ChiSquareResult ChiSquare_1M() =>
        ChiSquareTest.Homogeneity(referenceLarge.Categorical[OrderSchema.ProductCategory], currentLarge.Categorical[OrderSchema.ProductCategory]);

    [Benchmark]
    public DriftReport Whole_report_1M_vs_1M() => DriftAnalysis.Compare(referenceLarge, currentLarge);
}
