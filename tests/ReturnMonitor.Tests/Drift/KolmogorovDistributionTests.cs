using ReturnMonitor.Drift;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// The ported Kolmogorov machinery against scipy (Reference/kolmogorov_distribution.json): kstwo.sf over a grid that
/// visits every branch of _kolmogn, scipy.special.smirnov, and the two exact two-sample probabilities.
/// </summary>
public sealed class KolmogorovDistributionTests
{
    private const string File = "kolmogorov_distribution.json";

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Ks_two_survival_function_matches_scipy_kstwo_sf()
    {
        var points = ReferenceData.Load(File).GetProperty("kstwo").EnumerateArray().ToArray();
        Assert.True(points.Length > 300);
        foreach (var point in points)
        {
            var n = point.GetProperty("n").GetInt32();
            var x = point.GetProperty("x").GetDouble();
            Close.Probability(point.GetProperty("sf").GetDouble(), KolmogorovDistribution.KsTwoSf(x, n), $"kstwo.sf({x:R}, {n})");
        }
    }

    [Fact]
    public void Smirnov_matches_scipy_special_smirnov()
    {
        foreach (var point in ReferenceData.Load(File).GetProperty("smirnov").EnumerateArray())
        {
            var n = point.GetProperty("n").GetInt32();
            var x = point.GetProperty("x").GetDouble();
            Close.Probability(point.GetProperty("sf").GetDouble(), KolmogorovDistribution.SmirnovSf(n, x), $"smirnov({n}, {x:R})");
        }
    }

    [Fact]
    public void Probability_outside_square_matches_scipy()
    {
        foreach (var point in ReferenceData.Load(File).GetProperty("square").EnumerateArray())
        {
            var n = point.GetProperty("n").GetInt64();
            var h = point.GetProperty("h").GetInt64();
            Close.Probability(point.GetProperty("p").GetDouble(), KolmogorovSmirnovTest.ProbabilityOutsideSquare(n, h), $"square({n}, {h})");
        }
    }

    [Fact]
    public void Outer_probability_inside_method_matches_scipy()
    {
        foreach (var point in ReferenceData.Load(File).GetProperty("inside").EnumerateArray())
        {
            var m = point.GetProperty("m").GetInt64();
            var n = point.GetProperty("n").GetInt64();
            var g = point.GetProperty("g").GetInt64();
            var h = point.GetProperty("h").GetInt64();
            Close.Probability(point.GetProperty("p").GetDouble(), KolmogorovSmirnovTest.OuterProbabilityInsideMethod(m, n, g, h),
                $"inside({m}, {n}, {g}, {h})");
        }
    }

    [Theory]
    [InlineData(0.0, 10, 1.0)]
    [InlineData(0.05, 10, 1.0)] // at the lower support bound 1/(2n)
    [InlineData(1.0, 10, 0.0)]
    [InlineData(1.5, 10, 0.0)]
    public void KsTwoSurvivalFunctionOutsideSupport(double x, double n, double expected) =>
        Assert.Equal(expected, KolmogorovDistribution.KsTwoSf(x, n));

    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(0.3, 2.5)]
    [InlineData(double.NaN, 5.0)]
    public void Ks_two_survival_function_invalid_arguments_give_nan(double x, double n) =>
        Assert.True(double.IsNaN(KolmogorovDistribution.KsTwoSf(x, n)));

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Ks_two_survival_function_is_non_increasing_in_x()
    {
        foreach (var n in new[] { 1, 7, 60, 140, 141, 1000, 6667 })
        {
            var previous = 1.0;
            for (var i = 0; i <= 250; i++)
            {
                var x = i / 250.0;
                var sf = KolmogorovDistribution.KsTwoSf(x, n);
                Assert.InRange(sf, 0.0, 1.0);
                Assert.True(sf <= previous + 1e-12, $"n={n}: sf({x}) = {sf} > {previous}");
                previous = sf;
            }
        }
    }
}
