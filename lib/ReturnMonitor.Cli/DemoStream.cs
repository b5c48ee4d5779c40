using ReturnMonitor.Data;
using ReturnMonitor.History;
using ReturnMonitor.History.Periods;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// The demo's monitoring-over-time part: writes the 16-week demo stream (<see cref="WeeklyStream.Demo"/>) as weekly
/// CSV files and records each, as <c>monitor</c> would, into a fresh history database.
/// </summary>
internal static class DemoStream
{
    /// <summary>Orders per weekly batch.</summary>
    public const int BatchSize = 1000;

    /// <summary>Writes <c>OUT/stream/2026-Wnn.csv</c> and records them into <c>OUT/history.db</c>; returns the history's path.</summary>
    public static string Record(string modelDirectory, string outDirectory, ulong seed, CliOutput io)
    {
        var stream = WeeklyStream.Demo();
        var streamDirectory = Path.Combine(outDirectory, "stream");
        Directory.CreateDirectory(streamDirectory);
        var historyPath = Path.Combine(outDirectory, "history.db");
        // A fresh history: the demo regenerates everything, so an old file from another seed must not mix in.
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(historyPath + suffix);
        }

        // Weekly monitoring skips the domain classifier (seconds per batch); the stream is about drift over time.
        var monitor = new PeriodMonitor(
            new BatchMonitor(ModelDirectory.Load(modelDirectory)) { Multivariate = false },
            ContentHash.OfFile(Path.Combine(modelDirectory, ModelDirectory.ProfileFileName)))
        {
            Progress = line => io.Progress("      " + line),
        };
        using var store = HistoryStore.Open(historyPath);
        foreach (var period in stream.Periods)
        {
            var path = Path.Combine(streamDirectory, period.Period.Label + ".csv");
            OrderCsv.Write(stream.Batch(period.Index, BatchSize, seed), path);
            var result = monitor.Run(store, OrderFile.Read(path), ContentHash.OfFile(path), period.Period, source: Path.GetFileName(path));
            var sequential = result.Record.Sequential is { } s ? $", CUSUM {NumberText.Fixed(s.Statistic, 1)}/{NumberText.Fixed(s.Threshold, 1)}{(s.Alarm ? " ALARM" : "")}" : "";
            io.Progress($"      {period.Period.Label} ({period.Event ?? "ordinary week"}): {result.Record.Status.ToString().ToLowerInvariant()} (score {NumberText.Fixed(result.Record.Score, 1)}{sequential})");
        }

        return historyPath;
    }
}
