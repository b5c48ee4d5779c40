using System.Text.Json;
using FsCheck.Xunit;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>
/// High-cardinality numeric columns: the chunked, sorted counter is exact below the limit (identical to sorting the
/// sample), the sketch past it is identical for any split and merge order, stays within its stated bounds, and its KS
/// statistic is within the stated error of scipy's (reference values: tests/reference/make_sketch_reference.py).
/// </summary>
public class ContinuousSummaryTests
{
    [Fact]
    public void Counter_is_exact_and_identical_to_sorting_the_sample_across_chunks_and_the_dictionary_switch()
    {
        var random = new Random(5);
        // Enough distinct values to leave the dictionary and fill several chunks (about 100,000, below the exact limit),
        // with ties, -0 and a few small integers.
        var sample = Enumerable.Range(0, 3 * ValueCounter.ChunkSize + 123)
            .Select(i => i % 97 == 0 ? -0.0 : i % 13 == 0 ? 7 : Math.Round(random.NextDouble() * 1000, 2)).ToArray();
        var counter = new ValueCounter();
        foreach (var x in sample)
        {
            counter.Add(x);
        }

        var actual = counter.ToDistribution();
        var expected = EmpiricalDistribution.FromSample(sample);
        Assert.True(actual.IsExact);
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal(expected.Mean, actual.Mean);
        Assert.Equal(expected.Variance, actual.Variance);
        Assert.Equal(0, actual.CdfErrorBound);
    }

    [Property(MaxTest = 40)]
    public void Sketch_is_identical_for_any_split_and_merge_order(int seed)
    {
        var random = new Random(seed);
        var limit = 4 << random.Next(0, 6);
        var sample = Sample(random, random.Next(1, 4000));
        var whole = Count(sample, limit);

        // Random parts, each counted by its own counter, merged as a random tree.
        var counters = Enumerable.Range(0, random.Next(1, 6)).Select(_ => new ValueCounter(limit)).ToList();
        foreach (var x in sample)
        {
            counters[random.Next(counters.Count)].Add(x);
        }

        while (counters.Count > 1)
        {
            var i = random.Next(counters.Count);
            var a = counters[i];
            counters.RemoveAt(i);
            counters[random.Next(counters.Count)].Merge(a);
        }

        AssertIdentical(whole, counters[0].ToDistribution());

        // Distributions of parts combined pairwise give the same as well.
        var cut = random.Next(sample.Length + 1);
        var combined = EmpiricalDistribution.Combine(Count(sample[..cut], limit), Count(sample[cut..], limit), limit);
        AssertIdentical(whole, combined);
    }

    [Property(MaxTest = 60)]
    public void Sketch_stays_within_its_stated_bounds(int seed)
    {
        var random = new Random(seed);
        var limit = 4 << random.Next(0, 6);
        var a = Sample(random, random.Next(1, 3000));
        var b = Sample(random, random.Next(1, 3000));
        var exactA = EmpiricalDistribution.FromSample(a);
        var exactB = EmpiricalDistribution.FromSample(b);
        var sketchA = Count(a, limit);
        var sketchB = Count(b, limit);

        Assert.Equal(exactA.Count, sketchA.Count);
        Assert.Equal(exactA.Values.Length <= limit, sketchA.IsExact);
        Assert.True(sketchA.IsExact || sketchA.Values.Length <= Math.Max(1, limit / 2), "a sketch has at most half the limit of buckets");
        foreach (var x in exactA.Values)
        {
            Assert.True(Math.Abs(exactA.Cdf(x) - sketchA.Cdf(x)) <= sketchA.CdfErrorBound + 1e-12, $"ECDF at {x}");
        }

        var exactD = KolmogorovSmirnovTest.TwoSample(exactA, exactB).Statistic;
        var sketchD = KolmogorovSmirnovTest.TwoSample(sketchA, sketchB).Statistic;
        Assert.True(Math.Abs(exactD - sketchD) <= sketchA.CdfErrorBound + sketchB.CdfErrorBound + 1e-12,
            $"KS {sketchD} vs exact {exactD}, bound {sketchA.CdfErrorBound + sketchB.CdfErrorBound}");
    }

    [Fact]
    public void A_sketch_bounds_memory_whatever_the_number_of_values()
    {
        var counter = new ValueCounter(1024);
        var random = new Random(9);
        for (var i = 0; i < 400_000; i++)
        {
            counter.Add(Math.Round(random.NextDouble() * 500, 6));
        }

        var d = counter.ToDistribution();
        Assert.False(d.IsExact);
        Assert.True(d.Values.Length <= 512);
        Assert.Equal(400_000, d.Count);
        Assert.InRange(d.CdfErrorBound, 1e-9, 0.05);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void KS_on_continuous_samples_equals_scipy_when_exact_and_is_within_the_bound_when_sketched(string name)
    {
        var c = Load().GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var reference = Rebuild(c.GetProperty("reference"));
        var current = Rebuild(c.GetProperty("current"));
        var scipy = c.GetProperty("ks_statistic").GetDouble();

        var exact = KolmogorovSmirnovTest.TwoSample(Count(reference, EmpiricalDistribution.DefaultExactLimit), Count(current, EmpiricalDistribution.DefaultExactLimit));
        Assert.Equal(scipy, exact.Statistic);

        var a = Count(reference, 2048);
        var b = Count(current, 2048);
        Assert.False(a.IsExact);
        var sketched = KolmogorovSmirnovTest.TwoSample(a, b).Statistic;
        Assert.True(Math.Abs(sketched - scipy) <= a.CdfErrorBound + b.CdfErrorBound, $"{sketched} vs scipy {scipy}");
    }

    public static TheoryData<string> ReferenceCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load().GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Summaries", "Reference", "continuous_ks.json"))).RootElement;

    // The generator's sample: x_i = (floor(u_i·u_i·scale) + offset) / 1e6.
    private static double[] Rebuild(JsonElement spec)
    {
        var u = ReturnMonitor.Tests.Drift.ReferenceData.SplitMix(spec.GetProperty("seed").GetUInt64(), spec.GetProperty("n").GetInt32());
        var scale = spec.GetProperty("scale").GetDouble();
        var offset = spec.GetProperty("offset").GetDouble();
        return u.Select(x => (Math.Floor(x * x * scale) + offset) / 1e6).ToArray();
    }

    // Continuous values with ties, a point mass, negatives and zeros of both signs.
    private static double[] Sample(Random random, int n) => Enumerable.Range(0, n).Select(_ => random.Next(10) switch
    {
        0 => 2.5,
        1 => random.Next(2) == 0 ? 0.0 : -0.0,
        2 => -Math.Round(random.NextDouble() * 3, 2),
        _ => Math.Round(Math.Exp(random.NextDouble() * 8), 4),
    }).ToArray();

    private static EmpiricalDistribution Count(IEnumerable<double> sample, int limit)
    {
        var counter = new ValueCounter(limit);
        foreach (var x in sample)
        {
            counter.Add(x);
        }

        return counter.ToDistribution();
    }

    private static void AssertIdentical(EmpiricalDistribution expected, EmpiricalDistribution actual)
    {
        Assert.Equal(expected.SketchLevel, actual.SketchLevel);
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal(expected.CdfErrorBound, actual.CdfErrorBound);
        Assert.Equal(Enumerable.Range(0, expected.Values.Length).Select(expected.IsMixed), Enumerable.Range(0, actual.Values.Length).Select(actual.IsMixed));
    }
}
