using System.Diagnostics;
using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Benchmarks;

/// <summary>One-shot throughput measurements for bench/run.sh, printed as <c>key=value</c> lines.</summary>
internal static class Probes
{
    /// <summary><c>score DATA.csv MODEL_DIR</c>: scores every order of the file (best of 3 runs after a warm-up).</summary>
    public static int Score(string[] args)
    {
        var table = OrderCsv.Read(args[0]);
        var model = ReturnModel.Load(args[1]);
        model.PredictProbabilities(table.Select(Enumerable.Range(0, Math.Min(1000, table.Count)).ToArray()));
        var best = double.MaxValue;
        double[] scores = [];
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            scores = model.PredictProbabilities(table);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Print("orders", table.Count);
        Print("seconds", best);
        Print("orders_per_second", table.Count / best);
        Print("mean_probability", scores.Average());
        return 0;
    }

    /// <summary><c>reference DATA.csv PROFILE.json</c>: time to get the reference summary from the raw CSV vs from the profile (best of 3).</summary>
    public static int Reference(string[] args)
    {
        var csv = Best(() => OrderFile.Summarize(args[0]));
        var profile = Best(() => ReferenceProfile.Load(args[1]).Summary);
        Print("csv_seconds", csv);
        Print("profile_seconds", profile);
        Print("speedup", csv / profile);
        return 0;
    }

    private static double Best(Func<DatasetSummary> load)
    {
        load();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            load();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static void Print(string key, double value) =>
        Console.WriteLine($"{key}={value.ToString(Math.Abs(value) >= 100 ? "0" : "0.####", CultureInfo.InvariantCulture)}");
}
