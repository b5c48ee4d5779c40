using System.Text.Json;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// Loads the scipy/numpy reference values written by tests/reference/make_drift_reference.py and rebuilds the samples
/// they describe (literal values, value counts, or the SplitMix64 sequence the script also uses).
/// </summary>
internal static class ReferenceData
{
    private static readonly Dictionary<string, JsonDocument> Cache = new();

    public static JsonElement Load(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var document))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Drift", "Reference", file);
                document = JsonDocument.Parse(File.ReadAllText(path));
                Cache[file] = document;
            }

            return document.RootElement;
        }
    }

    public static JsonElement Case(string file, string name) =>
        Load(file).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static TheoryData<string> CaseNames(string file)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(file).GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static double[] Doubles(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>The sample described by a JSON spec, as an <see cref="EmpiricalDistribution"/>.</summary>
    public static EmpiricalDistribution Distribution(JsonElement spec) =>
        Distributions.GetOrAdd(spec.GetRawText(), _ => BuildDistribution(spec));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, EmpiricalDistribution> Distributions = new();

    private static EmpiricalDistribution BuildDistribution(JsonElement spec)
    {
        if (spec.TryGetProperty("counts", out var counts))
        {
            return EmpiricalDistribution.FromCounts(counts.EnumerateArray()
                .Select(p => new KeyValuePair<double, long>(p[0].GetDouble(), p[1].GetInt64())));
        }

        return EmpiricalDistribution.FromSample(Sample(spec));
    }

    /// <summary>The raw observations of a JSON spec (value counts are expanded).</summary>
    public static double[] Sample(JsonElement spec)
    {
        if (spec.TryGetProperty("values", out var values))
        {
            return values.Doubles();
        }

        if (spec.TryGetProperty("counts", out var counts))
        {
            return counts.EnumerateArray().SelectMany(p => Enumerable.Repeat(p[0].GetDouble(), p[1].GetInt32())).ToArray();
        }

        var g = spec.GetProperty("splitmix");
        var u = SplitMix(g.GetProperty("seed").GetUInt64(), g.GetProperty("n").GetInt32());
        switch (g.GetProperty("kind").GetString())
        {
            case "uniform":
                var lo = g.GetProperty("lo").GetDouble();
                var hi = g.GetProperty("hi").GetDouble();
                return u.Select(x => lo + (hi - lo) * x).ToArray();
            case "int":
                var k = g.GetProperty("k").GetDouble();
                var offset = g.GetProperty("offset").GetDouble();
                return u.Select(x => Math.Floor(x * k) + offset).ToArray();
            default:
                throw new InvalidDataException(g.ToString());
        }
    }

    /// <summary>u_i = (SplitMix64(seed + (i+1)·golden) &gt;&gt; 11)·2^-53, i = 0..n−1 — the script's generator.</summary>
    public static double[] SplitMix(ulong seed, int n)
    {
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var z = unchecked(seed + (ulong)(i + 1) * 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            result[i] = (z >> 11) * Math.ScaleB(1.0, -53);
        }

        return result;
    }

    public static CategoryCounts Categories(JsonElement spec) =>
        CategoryCounts.FromCounts(spec.EnumerateObject().Select(p => new KeyValuePair<string, long>(p.Name, p.Value.GetInt64())));
}

/// <summary>Tolerance checks: statistics 1e-9 absolute; p-values 1e-9 absolute or 1e-6 relative.</summary>
internal static class Close
{
    public const double StatisticTolerance = 1e-9;

    public static void Statistic(double expected, double actual, string what)
    {
        Assert.True(Math.Abs(expected - actual) <= StatisticTolerance,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| = {Math.Abs(expected - actual):E3})");
    }

    public static void Probability(double expected, double actual, string what)
    {
        var diff = Math.Abs(expected - actual);
        Assert.True(diff <= 1e-9 || diff <= 1e-6 * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (|diff| = {diff:E3}, rel = {diff / Math.Abs(expected):E3})");
    }

    public static void Statistics(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Statistic(expected[i], actual[i], $"{what}[{i}]");
        }
    }
}
