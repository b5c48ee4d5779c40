using BenchmarkDotNet.Attributes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Benchmarks;

/// <summary>
/// From a 200,000-order CSV file (6.5 MB, in the page cache) to its exact summary: the table reader
/// (<see cref="OrderCsv.Read"/> then <see cref="DatasetSummary.Of"/>) against the streaming summariser on one thread
/// and on all cores.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private string path = null!;

    [GlobalSetup]
    public void Setup() => path = BenchData.CsvFile(Scenario.FlashSale, 200_000);

    [GlobalCleanup]
    public void Cleanup() => File.Delete(path);

    [Benchmark(Baseline = true)]
    public DatasetSummary TableReader_then_summary() => DatasetSummary.Of(OrderCsv.Read(path));

    [Benchmark]
    public DatasetSummary Streaming_one_thread() => OrderFile.Summarize(path, options: new SummarizeOptions { Workers = 1 });

    [Benchmark]
    public DatasetSummary Streaming_all_cores() => OrderFile.Summarize(path);
}
