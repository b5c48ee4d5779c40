using FsCheck.Xunit;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>
/// The in-place run (<see cref="RunAccumulator"/>) against the allocating canonical merge it replaces
/// (<see cref="SortedRun.Merge"/>): chunk after chunk, across the exact limit and through several sketch levels, the
/// same values, counts, mixed flags and level; and one run shared by counters on several threads gives the summary
/// of all the values.
/// </summary>
public class RunAccumulatorTests
{
    [Property(MaxTest = 60)]
    public void In_place_merges_equal_the_allocating_canonical_merge_chunk_after_chunk(int seed)
    {
        var random = new Random(seed);
        var limit = 4 << random.Next(0, 8);
        var accumulator = new RunAccumulator(limit);
        var expected = SortedRun.Empty;
        for (var step = random.Next(1, 12); step > 0; step--)
        {
            var chunk = Sample(random, random.Next(0, 3 * limit));
            if (random.Next(4) == 0)
            {
                // A dictionary's or a partition's run, through the general path.
                var pairs = Sorted(chunk, out var pairCounts, out var size);
                var run = SortedRun.Merge(SortedRun.Empty, new SortedRun(pairs, pairCounts, null, size, 0), limit);
                accumulator.Add(run);
                expected = SortedRun.Merge(expected, run, limit);
            }
            else
            {
                var copy = (double[])chunk.Clone();
                var counts = new long[copy.Length];
                var distinct = SortedRun.SortAndCount(copy, counts, copy.Length);
                accumulator.AddSorted(copy, counts, distinct);
                expected = SortedRun.Merge(expected, SortedRun.FromUnsorted(chunk, chunk.Length), limit);
            }

            AssertSame(expected, accumulator.ToRun());
        }
    }

    [Fact]
    public void A_run_shared_by_counters_on_several_threads_gives_the_summary_of_all_values()
    {
        var random = new Random(11);
        // Past the default exact limit (sketched) and over many chunks, with ties.
        var sample = Enumerable.Range(0, 700_000).Select(_ => Math.Round(random.NextDouble() * 5000, 3)).ToArray();
        var limit = EmpiricalDistribution.DefaultExactLimit;
        var whole = new ValueCounter(limit);
        foreach (var x in sample)
        {
            whole.Add(x);
        }

        var shared = new RunAccumulator(limit);
        var parts = Enumerable.Range(0, 3).Select(_ => new ValueCounter(limit, shared)).ToArray();
        Parallel.For(0, parts.Length, p =>
        {
            for (var i = p; i < sample.Length; i += parts.Length)
            {
                parts[p].Add(sample[i]);
            }
        });
        var total = new ValueCounter(limit, shared);
        foreach (var part in parts)
        {
            total.Merge(part);
        }

        var expected = whole.ToDistribution();
        var actual = total.ToDistribution();
        Assert.False(expected.IsExact);
        Assert.Equal(sample.Length, actual.Count);
        Assert.Equal(expected.SketchLevel, actual.SketchLevel);
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
        Assert.Equal(expected.Counts.ToArray(), actual.Counts.ToArray());
        Assert.Equal(expected.CdfErrorBound, actual.CdfErrorBound);
    }

    // Values with ties, zero, negatives, and magnitudes over many binades (several sketch levels); −0 folded to 0 as the
    // counter does before a value reaches a run.
    private static double[] Sample(Random random, int n) => Enumerable.Range(0, n).Select(_ => random.Next(8) switch
    {
        0 => 2.5,
        1 => 0.0,
        2 => Math.Round(random.NextDouble() * 3, 3) is var v && v == 0 ? 0.0 : -v,
        _ => Math.Round(Math.Exp(random.NextDouble() * 12), 5),
    }).ToArray();

    private static double[] Sorted(double[] sample, out long[] counts, out int size)
    {
        var values = (double[])sample.Clone();
        counts = new long[values.Length];
        size = SortedRun.SortAndCount(values, counts, values.Length);
        return values;
    }

    private static void AssertSame(SortedRun expected, SortedRun actual)
    {
        Assert.Equal(expected.Level, actual.Level);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.Values.AsSpan(0, expected.Length).ToArray(), actual.Values.AsSpan(0, actual.Length).ToArray());
        Assert.Equal(expected.Counts.AsSpan(0, expected.Length).ToArray(), actual.Counts.AsSpan(0, actual.Length).ToArray());
        Assert.Equal(
            Enumerable.Range(0, expected.Length).Select(expected.IsMixed),
            Enumerable.Range(0, actual.Length).Select(actual.IsMixed));
    }
}
