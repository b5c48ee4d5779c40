using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Two-sample Kolmogorov–Smirnov test, numerically identical (to rounding) to
/// <c>scipy.stats.ks_2samp(reference, current, alternative='two-sided', method='auto')</c> of scipy 1.10.1.
/// Works on <see cref="EmpiricalDistribution"/> summaries, so samples of millions of observations are tested
/// from their value counts in time proportional to the number of distinct values (plus the p-value computation).
/// </summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>Largest sample size for which 'auto' attempts the exact p-value (scipy's MAX_AUTO_N).</summary>
    public const int MaxExactN = 10000;

    /// <summary>
    /// Two-sided two-sample KS test of H0 "both samples come from the same continuous distribution".
    /// </summary>
    /// <remarks>
    /// <para>
    /// Statistic: D = max over all observed values x of |F_ref(x) − F_cur(x)|, with both ECDFs right-continuous
    /// (count of observations ≤ x divided by n), evaluated at every distinct value of either sample — this is how
    /// scipy handles ties (searchsorted side='right' on the pooled data). D is in [0, 1]; identical samples give 0.
    /// </para>
    /// <para>
    /// P-value: when max(n1, n2) ≤ 10000, the exact null distribution of D for samples of sizes n1, n2
    /// (Hodges 1958 lattice-path counting): for n1 = n2 the alternating series of <c>_compute_prob_outside_square</c>,
    /// otherwise the "inside" recursion computing 1 − P directly (Viehmann 2021, scipy's
    /// <c>_compute_outer_prob_inside_method</c>). On the exact path D is snapped to the lattice, D = h/lcm(n1, n2)
    /// with h = round(D·lcm) (as scipy does, so the reported statistic may differ from the raw one in the last bits).
    /// If the exact computation fails (a probability outside [0, 1]) the asymptotic path is used, as in scipy.
    /// Otherwise the asymptotic p-value <c>kstwo.sf(D, round(n1·n2/(n1+n2)))</c>, the one-sample two-sided
    /// Kolmogorov distribution with the effective sample size (see <see cref="KolmogorovDistribution"/>).
    /// The p-value is clipped to [0, 1]; D = 0 gives p = 1. A p-value below the smallest normal double (2.2e-308) is
    /// reported as 0: down there the recursion has no significant digits left (scipy prints 6.5e-322 for the demo
    /// flash sale's discounts, a rounding variant of the same sum gives 5e-324), and "0" says what both mean.
    /// </para>
    /// <para>Edge cases: n = 1 works (both paths); constant samples give D = 0 or 1; the test is symmetric in its arguments.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">Either sample is empty (scipy raises ValueError).</exception>
    public static KolmogorovSmirnovResult TwoSample(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Count == 0 || current.Count == 0)
        {
            throw new ArgumentException("Data passed to the KS test must not be empty",
                reference.Count == 0 ? nameof(reference) : nameof(current));
        }

        return WithPValue(Statistic(reference, current), reference.Count, current.Count);
    }

    /// <summary>The test's result for a statistic <paramref name="d"/> between samples of sizes n1 and n2 (see <see cref="TwoSample(EmpiricalDistribution, EmpiricalDistribution)"/>).</summary>
    internal static KolmogorovSmirnovResult WithPValue(double d, long n1, long n2)
    {
        if (Math.Max(n1, n2) <= MaxExactN)
        {
            var (success, snapped, probability) = AttemptExact(n1, n2, d);
            d = snapped;
            if (success)
            {
                return new KolmogorovSmirnovResult(d, Reportable(probability), true);
            }
        }

        var m = (double)Math.Max(n1, n2);
        var n = (double)Math.Min(n1, n2);
        var en = m * n / (m + n);
        var p = KolmogorovDistribution.KsTwoSf(d, Math.Round(en, MidpointRounding.ToEven));
        return new KolmogorovSmirnovResult(d, Reportable(p), false);
    }

    /// <summary>Smallest p-value reported as such: the smallest normal double.</summary>
    public const double SmallestPValue = 2.2250738585072014E-308;

    private static double Reportable(double p) => p < SmallestPValue ? 0.0 : Math.Min(p, 1.0);

    /// <inheritdoc cref="TwoSample(EmpiricalDistribution, EmpiricalDistribution)"/>
    public static KolmogorovSmirnovResult TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        TwoSample(EmpiricalDistribution.FromSample(reference), EmpiricalDistribution.FromSample(current));

    /// <summary>
    /// D = max |F_a − F_b| over the pooled distinct values, computed as scipy does: max(max(cdf1 − cdf2), clip(−min(cdf1 − cdf2), 0, 1))
    /// with each ECDF value formed as count/n in double precision.
    /// </summary>
    internal static double Statistic(EmpiricalDistribution a, EmpiricalDistribution b)
    {
        var va = a.Values;
        var ca = a.Counts;
        var vb = b.Values;
        var cb = b.Counts;
        double n1 = a.Count, n2 = b.Count;
        long cumA = 0, cumB = 0;
        int i = 0, j = 0;
        var maxS = double.NegativeInfinity;
        var minS = double.PositiveInfinity;
        while (i < va.Length || j < vb.Length)
        {
            double x;
            if (j >= vb.Length || (i < va.Length && va[i] <= vb[j]))
            {
                x = va[i];
            }
            else
            {
                x = vb[j];
            }

            while (i < va.Length && va[i] <= x)
            {
                cumA += ca[i++];
            }

            while (j < vb.Length && vb[j] <= x)
            {
                cumB += cb[j++];
            }

            var diff = cumA / n1 - cumB / n2;
            maxS = Math.Max(maxS, diff);
            minS = Math.Min(minS, diff);
        }

        var negativeMin = Math.Clamp(-minS, 0, 1);
        return negativeMin > maxS ? negativeMin : maxS;
    }

    /// <summary>scipy's <c>_attempt_exact_2kssamp</c> for the two-sided alternative: (success, D snapped to h/lcm, p).</summary>
    internal static (bool Success, double D, double P) AttemptExact(long n1, long n2, double d)
    {
        var g = Gcd(n1, n2);
        var lcm = n1 / g * n2;
        var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        d = h * 1.0 / lcm;
        if (h == 0)
        {
            return (true, d, 1.0);
        }

        var p = n1 == n2 ? ProbabilityOutsideSquare(n1, h) : OuterProbabilityInsideMethod(n1, n2, g, h);
        if (!(p >= 0 && p <= 1))
        {
            return (false, d, p);
        }

        return (true, d, p);
    }

    /// <summary>
    /// P(D_{n,n} ≥ h/n) = 2·Σ_k (−1)^(k+1) C(2n, n − k·h)/C(2n, n), evaluated as a Horner-like nested product
    /// 2·A0·(1 − A1·(1 − A2·(…))) to avoid cancellation (scipy's <c>_compute_prob_outside_square</c>).
    /// </summary>
    internal static double ProbabilityOutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = (long)Math.Floor((double)n / h);
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }

    /// <summary>
    /// Proportion of monotone lattice paths from (0, 0) to (m, n) that leave the band |x/m − y/n| &lt; h/lcm(m, n),
    /// i.e. P(D_{m,n} ≥ h/lcm) under H0, computed column by column with the recursion for 1 − p
    /// (Hodges 1958; Viehmann 2021; scipy's <c>_compute_outer_prob_inside_method</c>).
    /// </summary>
    internal static double OuterProbabilityInsideMethod(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        long minJ = 0;
        var maxJ = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var currentLength = maxJ - minJ;
        var lengthA = (int)Math.Min(2 * maxJ + 2, n + 1);
        var a = new double[lengthA];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, (int)minJ, (int)Math.Min(maxJ, lengthA) - (int)minJ);
        for (long i = 1; i <= m; i++)
        {
            var lastMinJ = minJ;
            var lastLength = currentLength;
            minJ = Math.Max((long)Math.Floor((double)(ng * i - h) / mg) + 1, 0);
            minJ = Math.Min(minJ, n);
            maxJ = Math.Min((long)Math.Ceiling((double)(ng * i + h) / mg), n + 1);
            if (maxJ <= minJ)
            {
                return 1.0;
            }

            var value = minJ == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxJ - minJ; jj++)
            {
                // value = (a·i + value·j)/(i + j), written as value·β + a·α so that the only operation on the loop-carried
                // dependency is one fused multiply-add (the division runs off the chain): ~4× faster, same value to ~1e-15.
                var j = jj + minJ;
                var r = 1.0 / (i + j);
                value = Math.FusedMultiplyAdd(value, j * r, a[jj + minJ - lastMinJ] * (i * r));
                a[jj] = value;
            }

            currentLength = maxJ - minJ;
            if (lastLength > currentLength)
            {
                var from = (int)(maxJ - minJ);
                var to = (int)Math.Min(maxJ - minJ + (lastLength - currentLength), lengthA);
                Array.Fill(a, 1.0, from, to - from);
            }
        }

        return a[maxJ - minJ - 1];
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
