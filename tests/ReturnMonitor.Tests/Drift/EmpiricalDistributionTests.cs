using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>EmpiricalDistribution and CategoryCounts (percentiles vs numpy are also checked in NumericReferenceTests).</summary>
public sealed class EmpiricalDistributionTests
{
    [Fact]
    public void Summary_of_sample()
    {
        var d = EmpiricalDistribution.FromSample([3, 1, 2, 3, 3, -0.0, 0.0]);
        Assert.Equal([0.0, 1, 2, 3], d.Values.ToArray());
        Assert.Equal([2L, 1, 1, 3], d.Counts.ToArray());
        Assert.Equal(7, d.Count);
        Assert.Equal(12.0 / 7, d.Mean, 15);
        Assert.Equal(0, d.Minimum);
        Assert.Equal(3, d.Maximum);
    }

    [Fact]
    public void Cdf_and_counts()
    {
        var d = EmpiricalDistribution.FromSample([1, 2, 2, 4]);
        Assert.Equal(0.0, d.Cdf(0.5));
        Assert.Equal(0.25, d.Cdf(1));
        Assert.Equal(0.75, d.Cdf(2)); // right-continuous: ties included
        Assert.Equal(0.75, d.Cdf(3.9));
        Assert.Equal(1.0, d.Cdf(4));
        Assert.Equal(1, d.CountBelow(2));
        Assert.Equal(3, d.CountAtMost(2));
        Assert.True(double.IsNaN(EmpiricalDistribution.Empty.Cdf(1)));
    }

    [Fact]
    public void Percentile_linear_interpolation()
    {
        var d = EmpiricalDistribution.FromSample([10, 20, 30, 40]);
        Assert.Equal(10, d.Percentile(0));
        Assert.Equal(17.5, d.Percentile(25), 12); // h = 0.75
        Assert.Equal(25, d.Percentile(50), 12);
        Assert.Equal(40, d.Percentile(100));
        Assert.True(double.IsNaN(EmpiricalDistribution.Empty.Percentile(50)));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Percentile(101));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Percentile(double.NaN));
    }

    [Fact]
    public void Combine_equals_summary_of_concatenation()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 100; trial++)
        {
            var a = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (double)random.Next(-5, 15)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(0, 3) == 0 ? random.NextDouble() : random.Next(-5, 15)).ToArray();
            var whole = EmpiricalDistribution.FromSample(a.Concat(b).ToArray());
            foreach (var combined in new[] { EmpiricalDistribution.FromSample(a) + EmpiricalDistribution.FromSample(b), EmpiricalDistribution.FromSample(b) + EmpiricalDistribution.FromSample(a) })
            {
                Assert.Equal(whole.Values.ToArray(), combined.Values.ToArray());
                Assert.Equal(whole.Counts.ToArray(), combined.Counts.ToArray());
                Assert.Equal(whole.Count, combined.Count);
            }
        }
    }

    [Fact]
    public void From_counts_merges_and_validates()
    {
        var d = EmpiricalDistribution.FromCounts([new(2.0, 3), new(-0.0, 1), new(0.0, 2), new(2.0, 1), new(5.0, 0)]);
        Assert.Equal([0.0, 2.0], d.Values.ToArray());
        Assert.Equal([3L, 4], d.Counts.ToArray());
        Assert.Throws<ArgumentException>(() => EmpiricalDistribution.FromCounts([new(double.NaN, 1)]));
        Assert.Throws<ArgumentException>(() => EmpiricalDistribution.FromCounts([new(1.0, -1)]));
        Assert.Throws<ArgumentException>(() => EmpiricalDistribution.FromSample([1, double.NaN]));
    }

    [Fact]
    public void Constant_sample_has_exact_mean_and_zero_variance()
    {
        var d = EmpiricalDistribution.FromSample([0.1, 0.1, 0.1]);
        Assert.Equal(0.1, d.Mean);
        Assert.Equal(0.0, d.Variance);
        Assert.Equal(0.0, EmpiricalDistribution.FromSample([7.0]).Variance);
    }

    [Fact]
    public void Category_counts_align_and_combine()
    {
        var a = CategoryCounts.FromValues(["web", "app", "web", "B"]);
        var b = CategoryCounts.FromValues(["web", "store"]);
        var (categories, reference, current) = CategoryCounts.Align(a, b);
        Assert.Equal(["B", "app", "store", "web"], categories); // ordinal: uppercase first
        Assert.Equal([1L, 1, 0, 2], reference);
        Assert.Equal([0L, 0, 1, 1], current);
        var c = a + b;
        Assert.Equal(6, c.Total);
        Assert.Equal(3, c["web"]);
        Assert.Equal(0, c["missing"]);
        Assert.Equal(0.5, a.Proportion("web"));
        Assert.Throws<ArgumentException>(() => CategoryCounts.FromCounts([new("x", -1)]));
    }
}
