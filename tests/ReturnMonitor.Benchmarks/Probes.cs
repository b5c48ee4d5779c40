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

    /// <summary>
    /// <c>phases REF.csv CUR.csv [EXACT_LIMIT]</c>: where a <c>drift --format json</c> spends its time and memory, one
    /// phase at a time (reference summary, batch summary, fit and compare, JSON), each with wall seconds, the managed heap
    /// after it and the process's peak resident memory so far.
    /// </summary>
    public static int Phases(string[] args)
    {
        var limit = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : EmpiricalDistribution.DefaultExactLimit;
        var options = SummarizeOptions.Default with { ExactLimit = limit };
        var total = Stopwatch.StartNew();
        var reference = Phase("reference_summary", () => OrderFile.Summarize(args[0], null, options));
        var batch = Phase("batch_summary", () => OrderFile.Summarize(args[1], null, options with { MissingCells = MissingCells.Allow }));
        foreach (var (name, r) in reference.Numeric)
        {
            var c = batch.Numeric[name];
            Phase("ks_" + name, () => KolmogorovSmirnovTest.TwoSample(r, c));
            Phase("wasserstein_" + name, () => WassersteinDistance.Compute(r, c));
            Phase("psi_" + name, () => PopulationStabilityIndex.Numeric(r, c));
        }

        var profile = new ReferenceProfile(reference);
        Phase("compare", () => profile.Compare(batch));
        var check = Phase("check", () => new Monitoring.BatchMonitor(profile).Check(batch));
        var json = Phase("json", () => Reporting.BatchCheckJson.Serialize(check));
        Print("json_chars", json.Length);
        Print("total_seconds", total.Elapsed.TotalSeconds);
        return 0;
    }

    private static T Phase<T>(string name, Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        Print(name + "_seconds", clock.Elapsed.TotalSeconds);
        Print(name + "_heap_mib", GC.GetTotalMemory(false) / 1048576.0);
        using var self = Process.GetCurrentProcess();
        Print(name + "_peak_rss_mib", self.PeakWorkingSet64 / 1048576.0);
        // After a full collection: what the phase's result and everything before it keep alive.
        Print(name + "_live_mib", GC.GetTotalMemory(true) / 1048576.0);
        return result;
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
