using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.History;

/// <summary>Records and temporary files for the history tests.</summary>
internal static class HistoryFixtures
{
    public static string TempFile(string name = "history.db")
    {
        var directory = Path.Combine(Path.GetTempPath(), "rm-history-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    /// <summary>A record with every section filled; <paramref name="seed"/> varies the numbers so records differ.</summary>
    public static HistoryRecord Record(string period, string hash, DriftStatus status = DriftStatus.Healthy, int seed = 0, bool money = true) => new(
        BatchPeriod.Parse(period),
        $"batch-{seed}.csv",
        hash,
        1000 + seed,
        status,
        status == DriftStatus.Critical ? 43.5 + seed : 3.25 + seed,
        10,
        20,
        seed % 2 == 0 ? 0.125 + seed / 1000.0 : null,
        OrderSchema.Features.Select((f, i) => new HistoryFeature(f.Name, 0.01 * (i + 1) + seed / 100.0, i == 0 && status != DriftStatus.Healthy ? DriftSeverity.Severe : DriftSeverity.None, 1.0 / (i + 2), Math.Min(1, 2.0 / (i + 2)))).ToArray(),
        [
            new HistoryMetric("rocAuc", 0.71, 0.68, 0.74, 0.65, 0.77, seed % 2 == 0 ? 0.70 : null),
            new HistoryMetric("accuracy", 0.80 - seed / 1000.0, 0.78, 0.82, 0.76, 0.84, null),
        ],
        money ? new Dictionary<string, double> { ["expectedReturnCost"] = 1234.5 + seed, ["excessReturnCost"] = -10 } : null,
        status == DriftStatus.Healthy ? [] : [new HistoryAlert("drift", $"{status.ToString().ToLowerInvariant()}: score 43.5"), new HistoryAlert("model", "estimated accuracy")]);

    public static string Hash(int i) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));

    /// <summary>Field-by-field equality (records holding lists compare lists by reference).</summary>
    public static void AssertSame(HistoryRecord expected, HistoryRecord actual)
    {
        Assert.Equal(
            (expected.Period, expected.Source, expected.ContentHash, expected.Rows, expected.Status, expected.Score, expected.WarningScore, expected.CriticalScore, expected.ReturnRate),
            (actual.Period, actual.Source, actual.ContentHash, actual.Rows, actual.Status, actual.Score, actual.WarningScore, actual.CriticalScore, actual.ReturnRate));
        Assert.Equal(expected.Features, actual.Features);
        Assert.Equal(expected.ModelHealth, actual.ModelHealth);
        Assert.Equal(expected.Alerts, actual.Alerts);
        if (expected.Money is null)
        {
            Assert.Null(actual.Money);
        }
        else
        {
            Assert.NotNull(actual.Money);
            Assert.Equal(expected.Money.OrderBy(p => p.Key), actual.Money.OrderBy(p => p.Key));
        }
    }
}
