using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Benchmarks;

/// <summary>Deterministic inputs shared by the benchmarks (generated, never read from the repository).</summary>
internal static class BenchData
{
    public static OrderTable Table(Scenario scenario, int count) => OrderGenerator.Generate(scenario, count, 7);

    public static DatasetSummary Summary(Scenario scenario, int count) => DatasetSummary.Of(Table(scenario, count));

    /// <summary>Writes a generated table to a temp CSV file (deleted by the caller).</summary>
    public static string CsvFile(Scenario scenario, int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rm-bench-{scenario.Name}-{count}-{Environment.ProcessId}.csv");
        OrderCsv.Write(Table(scenario, count), path);
        return path;
    }
}
