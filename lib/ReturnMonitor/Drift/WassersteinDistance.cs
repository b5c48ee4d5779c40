using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>1-D Wasserstein (earth mover's) distance between two empirical distributions.</summary>
public static class WassersteinDistance
{
    /// <summary>
    /// W1(u, v) = ∫ |F_u(x) − F_v(x)| dx, computed exactly from the two ECDFs as a sum over consecutive pooled distinct
    /// values z_i &lt; z_{i+1} of |F_u(z_i) − F_v(z_i)|·(z_{i+1} − z_i) — as <c>scipy.stats.wasserstein_distance(u, v)</c>
    /// with unit weights. In the data's units, ≥ 0, symmetric; 0 iff the empirical distributions are equal.
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty; a value is infinite.</exception>
    public static double Compute(EmpiricalDistribution u, EmpiricalDistribution v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.Count == 0 || v.Count == 0)
        {
            throw new ArgumentException("distribution is empty", u.Count == 0 ? nameof(u) : nameof(v));
        }

        if (!double.IsFinite(u.Minimum) || !double.IsFinite(u.Maximum) || !double.IsFinite(v.Minimum) || !double.IsFinite(v.Maximum))
        {
            throw new ArgumentException("values must be finite");
        }

        var vu = u.Values;
        var cu = u.Counts;
        var vv = v.Values;
        var cv = v.Counts;
        double nu = u.Count, nv = v.Count;
        long cumU = 0, cumV = 0;
        int i = 0, j = 0;
        var distance = 0.0;
        var previous = double.NaN;
        var previousGap = 0.0;
        while (i < vu.Length || j < vv.Length)
        {
            var x = j >= vv.Length || (i < vu.Length && vu[i] <= vv[j]) ? vu[i] : vv[j];
            if (!double.IsNaN(previous))
            {
                distance += previousGap * (x - previous);
            }

            while (i < vu.Length && vu[i] <= x)
            {
                cumU += cu[i++];
            }

            while (j < vv.Length && vv[j] <= x)
            {
                cumV += cv[j++];
            }

            previousGap = Math.Abs(cumU / nu - cumV / nv);
            previous = x;
        }

        return distance;
    }

    /// <inheritdoc cref="Compute(EmpiricalDistribution, EmpiricalDistribution)"/>
    public static double Compute(ReadOnlySpan<double> u, ReadOnlySpan<double> v) =>
        Compute(EmpiricalDistribution.FromSample(u), EmpiricalDistribution.FromSample(v));

    /// <summary>
    /// Scale-free Wasserstein distance: <see cref="Compute(EmpiricalDistribution, EmpiricalDistribution)"/> divided by the
    /// reference population standard deviation (ddof = 0), i.e. in reference standard deviations. When the reference
    /// is constant (std 0) the distance is divided by 1 instead, i.e. returned in the data's units.
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static double Normed(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var distance = Compute(reference, current);
        var std = reference.StandardDeviation;
        return distance / (std > 0 ? std : 1.0);
    }
}
