using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Jensen–Shannon distance (base 2): √(½·KL(p‖m) + ½·KL(q‖m)) with m = (p + q)/2 and KL in bits.
/// A metric on probability vectors, dimensionless, in [0, 1]: 0 for equal distributions, 1 for disjoint supports.
/// </summary>
public static class JensenShannonDistance
{
    /// <summary>
    /// Base-2 JS distance between two aligned non-negative weight vectors, as
    /// <c>scipy.spatial.distance.jensenshannon(p, q, base=2)</c>: p and q are first divided by their sums, then
    /// √((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / ln 2 / 2), with rel_entr(x, y) = x·ln(x/y) and 0·ln 0 = 0.
    /// </summary>
    /// <remarks>
    /// Rounding can make the sum under the root −1e-17 for almost equal vectors, where scipy returns NaN; here the
    /// result is clamped to [0, 1] instead.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The lengths differ or are 0, a weight is negative, NaN or infinite, or a vector sums to 0.
    /// </exception>
    public static double Compute(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length || p.IsEmpty)
        {
            throw new ArgumentException("p and q must be non-empty and have the same length", nameof(q));
        }

        var sumP = Sum(p, nameof(p));
        var sumQ = Sum(q, nameof(q));
        var left = 0.0;
        var right = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / sumP;
            var qi = q[i] / sumQ;
            var mi = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, mi);
            right += RelativeEntropy(qi, mi);
        }

        var js = (left + right) / Math.Log(2.0);
        return Math.Clamp(Math.Sqrt(Math.Max(js / 2.0, 0.0)), 0.0, 1.0);
    }

    /// <summary>
    /// JS distance between two categorical samples over the union of their categories (<see cref="CategoryCounts.Align"/>);
    /// a category seen in one sample only contributes fully. No flooring of proportions (unlike PSI).
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static double Categorical(CategoryCounts reference, CategoryCounts current)
    {
        var (r, c) = PopulationStabilityIndex.CategoricalProportions(reference, current);
        return Compute(r, c);
    }

    /// <summary>
    /// JS distance of a numeric feature over the same bins as <see cref="PopulationStabilityIndex.Numeric"/>: bins at the
    /// reference deciles with open-ended outer bins (three bins below/at/above a constant reference).
    /// A discretised measure: it sees only shifts of mass between those bins.
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static double Numeric(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var (r, c) = PopulationStabilityIndex.NumericProportions(reference, current);
        return Compute(r, c);
    }

    private static double Sum(ReadOnlySpan<double> weights, string name)
    {
        var sum = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException("weights must be finite and non-negative", name);
            }

            sum += w;
        }

        if (sum == 0)
        {
            throw new ArgumentException("weights sum to 0", name);
        }

        return sum;
    }

    private static double RelativeEntropy(double x, double y) => x == 0 ? 0.0 : x * Math.Log(x / y);
}
