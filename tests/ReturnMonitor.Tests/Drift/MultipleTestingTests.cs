using ReturnMonitor.Drift;

namespace ReturnMonitor.Tests.Drift;

public sealed class MultipleTestingTests
{
    [Fact]
    public void Match_reference_values()
    {
        var cases = ReferenceData.Load("multiple_testing.json").GetProperty("cases").EnumerateArray().ToArray();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var p = c.GetProperty("p").Doubles();
            Close.Statistics(c.GetProperty("bh").Doubles(), MultipleTesting.BenjaminiHochberg(p), "BH");
            Close.Statistics(c.GetProperty("bonferroni").Doubles(), MultipleTesting.Bonferroni(p), "Bonferroni");
        }
    }

    [Fact]
    public void Benjamini_hochberg_worked_example()
    {
        // m = 4, sorted 0.01 0.02 0.03 0.5 → 0.04, 0.04, 0.04, 0.5; returned in input order.
        Assert.Equal([0.5, 0.04, 0.04, 0.04], MultipleTesting.BenjaminiHochberg([0.5, 0.03, 0.01, 0.02]), new ToleranceComparer(1e-15));
        Assert.Equal([1.0, 0.4], MultipleTesting.Bonferroni([0.7, 0.2]), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Empty_input_gives_empty_output()
    {
        Assert.Empty(MultipleTesting.BenjaminiHochberg([]));
        Assert.Empty(MultipleTesting.Bonferroni([]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Invalid_p_values_are_rejected(double bad)
    {
        Assert.Throws<ArgumentException>(() => MultipleTesting.BenjaminiHochberg([0.1, bad]));
        Assert.Throws<ArgumentException>(() => MultipleTesting.Bonferroni([bad]));
    }

    [Fact]
    public void Benjamini_hochberg_is_monotone_bounded_and_at_least_p()
    {
        var random = new Random(42);
        for (var trial = 0; trial < 200; trial++)
        {
            var p = Enumerable.Range(0, random.Next(1, 30)).Select(_ => Math.Round(Math.Pow(random.NextDouble(), 3), random.Next(1, 4))).ToArray();
            var q = MultipleTesting.BenjaminiHochberg(p);
            var bonferroni = MultipleTesting.Bonferroni(p);
            for (var i = 0; i < p.Length; i++)
            {
                Assert.InRange(q[i], p[i], 1.0);
                Assert.True(q[i] <= bonferroni[i] + 1e-15);
                for (var j = 0; j < p.Length; j++)
                {
                    if (p[i] <= p[j])
                    {
                        Assert.True(q[i] <= q[j], $"not monotone: p {p[i]} ≤ {p[j]} but q {q[i]} > {q[j]}");
                    }
                }
            }
        }
    }
}

internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;
}
