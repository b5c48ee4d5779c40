using ReturnMonitor.Drift;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// The log-space Smirnov sum used above n = 10,000 against scipy.special.smirnov (Reference/smirnov_large_n.json,
/// tests/reference/make_smirnov_large_reference.py): the same function to 10^-9 relative, in milliseconds.
/// </summary>
public sealed class SmirnovLogSumTests
{
    private static IEnumerable<(int N, double X, double Sf)> Points() =>
        ReferenceData.Load("smirnov_large_n.json").GetProperty("smirnov").EnumerateArray()
            .Select(p => (p.GetProperty("n").GetInt32(), p.GetProperty("x").GetDouble(), p.GetProperty("sf").GetDouble()));

    [Fact]
    public void Smirnov_at_large_n_equals_scipy_to_1e_9_relative()
    {
        var points = Points().ToArray();
        Assert.True(points.Length >= 35);
        foreach (var (n, x, expected) in points)
        {
            var actual = KolmogorovDistribution.SmirnovSf(n, x);
            if (expected < KolmogorovSmirnovTest.SmallestPValue)
            {
                // Below the smallest normal double scipy's double-double sum gives 0 and ours a subnormal; both are
                // reported as 0 (KolmogorovSmirnovTest.SmallestPValue).
                Assert.True(actual < KolmogorovSmirnovTest.SmallestPValue, $"smirnov({n}, {x:R}): {actual:R}");
                continue;
            }

            var relative = Math.Abs(actual - expected) / expected;
            Assert.True(relative <= 1e-9, $"smirnov({n}, {x:R}): scipy {expected:R}, ours {actual:R} (rel {relative:E2})");
        }
    }

    [Fact]
    public void Log_sum_agrees_with_the_double_double_port_at_the_switch()
    {
        foreach (var n in new[] { SmirnovLogSum.MinN, SmirnovLogSum.MinN + 1, 100000 })
        {
            foreach (var z2 in new[] { 2.2, 5.0, 40.0, 200.0 })
            {
                var x = Math.Sqrt(z2 / n);
                var port = KolmogorovDistribution.SmirnovSf(n, x, logSum: false);
                var log = KolmogorovDistribution.SmirnovSf(n, x, logSum: true);
                Assert.True(Math.Abs(port - log) <= 1e-9 * port, $"n = {n}, n x^2 = {z2}: port {port:R}, log sum {log:R}");
            }
        }
    }
}
