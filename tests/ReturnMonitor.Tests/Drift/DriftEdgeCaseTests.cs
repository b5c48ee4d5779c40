using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>Documented edge cases and hand-checked values of the drift kernels.</summary>
public sealed class DriftEdgeCaseTests
{
    private static EmpiricalDistribution D(params double[] x) => EmpiricalDistribution.FromSample(x);

    private static CategoryCounts C(params (string Category, long Count)[] pairs) =>
        CategoryCounts.FromCounts(pairs.Select(p => new KeyValuePair<string, long>(p.Category, p.Count)));

    [Fact]
    public void Empty_samples_are_rejected()
    {
        var some = D(1, 2, 3);
        var none = EmpiricalDistribution.Empty;
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.TwoSample(none, some));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.TwoSample(some, none));
        Assert.Throws<ArgumentException>(() => WassersteinDistance.Compute(some, none));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Numeric(none, some));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Numeric(some, none));
        Assert.Throws<ArgumentException>(() => JensenShannonDistance.Numeric(some, none));
        var cats = C(("a", 2));
        var noCats = CategoryCounts.FromValues([]);
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity(cats, noCats));
        Assert.Throws<ArgumentException>(() => ChiSquareTest.Homogeneity(noCats, cats));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Categorical(noCats, cats));
        Assert.Throws<ArgumentException>(() => JensenShannonDistance.Categorical(cats, noCats));
    }

    [Fact]
    public void Ks_hand_values()
    {
        // a = {1,2,3,4}, b = {3,4,5,6}: F_a − F_b reaches 0.5 at x = 2; exact P(D_{4,4} ≥ 1/2) = 54/70
        // (scipy: KstestResult(statistic=0.5, pvalue=0.7714285714285716)).
        var r = KolmogorovSmirnovTest.TwoSample(D(1, 2, 3, 4), D(3, 4, 5, 6));
        Assert.Equal(0.5, r.Statistic, 15);
        Assert.Equal(54.0 / 70.0, r.PValue, 14);
        Assert.True(r.Exact);
    }

    [Fact]
    public void Ks_p_values_below_the_smallest_normal_double_are_reported_as_zero()
    {
        // Completely separated samples of 5,000 and 1,000: the exact p-value, 1/C(6000, 1000) ≈ 1e-1000, underflows.
        // scipy 1.10.1 prints 6.5e-322 for the demo flash sale's discounts (D = 0.8352) — rounding residue, not a
        // probability; both mean 0.
        var reference = Enumerable.Range(0, 5000).Select(i => (double)(i % 50)).ToArray();
        var current = Enumerable.Range(0, 1000).Select(i => 100.0 + i % 50).ToArray();
        var r = KolmogorovSmirnovTest.TwoSample(D(reference), D(current));
        Assert.Equal(1.0, r.Statistic);
        Assert.Equal(0.0, r.PValue);

        var demo = Demo("discount_percentage");
        Assert.Equal(0.8352, demo.Statistic, 12);
        Assert.Equal(0.0, demo.PValue);

        // A small but representable p-value is kept (scipy 1.10.1 ks_2samp on the same columns: 3.164437355026639e-30).
        var small = Demo("previous_returns");
        Assert.InRange(small.PValue / 3.164437355026639e-30, 1 - 1e-6, 1 + 1e-6);
    }

    private static KolmogorovSmirnovResult Demo(string feature)
    {
        var train = ReturnMonitor.Data.OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"));
        var flash = ReturnMonitor.Data.OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"));
        return KolmogorovSmirnovTest.TwoSample(train.Numeric(feature), flash.Numeric(feature));
    }

    [Fact]
    public void Ks_brute_force_exact_p_value_for_small_samples()
    {
        // Independent check of the exact path: enumerate all C(n1+n2, n1) ways of labelling the pooled ranks.
        var random = new Random(7);
        foreach (var (n1, n2) in new[] { (1, 1), (1, 6), (2, 2), (3, 4), (5, 5), (4, 9), (6, 7), (7, 7), (2, 11) })
        {
            var pooled = Enumerable.Range(0, n1 + n2).Select(i => (double)i).ToArray();
            var labels = Enumerable.Range(0, n1 + n2).OrderBy(_ => random.Next()).ToArray();
            var a = labels.Take(n1).Select(i => pooled[i]).ToArray();
            var b = labels.Skip(n1).Select(i => pooled[i]).ToArray();
            var observed = KolmogorovSmirnovTest.TwoSample(a, b);

            long total = 0, extreme = 0;
            foreach (var subset in Subsets(n1 + n2, n1))
            {
                total++;
                var d = 0.0;
                int ca = 0, cb = 0;
                for (var i = 0; i < n1 + n2; i++)
                {
                    if (subset[i]) { ca++; } else { cb++; }
                    d = Math.Max(d, Math.Abs(ca / (double)n1 - cb / (double)n2));
                }

                if (d >= observed.Statistic - 1e-12)
                {
                    extreme++;
                }
            }

            Assert.Equal((double)extreme / total, observed.PValue, 12);
        }
    }

    private static IEnumerable<bool[]> Subsets(int n, int k)
    {
        for (var mask = 0; mask < 1 << n; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) == k)
            {
                yield return Enumerable.Range(0, n).Select(i => (mask >> i & 1) == 1).ToArray();
            }
        }
    }

    [Fact]
    public void Ks_huge_samples_from_counts_without_expanding()
    {
        // 5·10^6 vs 5·10^6 observations on 3 distinct values: D = 0.01, n_eff = 2.5·10^6 → Smirnov's approximation branch.
        var a = EmpiricalDistribution.FromCounts([new(0.0, 2_000_000), new(1.0, 2_000_000), new(2.0, 1_000_000)]);
        var b = EmpiricalDistribution.FromCounts([new(0.0, 2_050_000), new(1.0, 2_000_000), new(2.0, 950_000)]);
        var r = KolmogorovSmirnovTest.TwoSample(a, b);
        Assert.Equal(0.01, r.Statistic, 12);
        Assert.False(r.Exact);
        Assert.InRange(r.PValue, 0.0, 1e-100);
        var same = KolmogorovSmirnovTest.TwoSample(a, a);
        Assert.Equal(0.0, same.Statistic);
        Assert.Equal(1.0, same.PValue);
    }

    [Fact]
    public void Ks_constant_columns()
    {
        var same = KolmogorovSmirnovTest.TwoSample(D(4, 4, 4), D(4, 4));
        Assert.Equal(0.0, same.Statistic);
        Assert.Equal(1.0, same.PValue);
        var apart = KolmogorovSmirnovTest.TwoSample(D(4, 4, 4), D(5, 5));
        Assert.Equal(1.0, apart.Statistic);
        Assert.Equal(0.2, apart.PValue, 14); // 2 of C(5,2) = 10 labellings separate the groups completely
    }

    [Fact]
    public void Decile_edges_merge_duplicates()
    {
        Assert.Equal([5.0], PopulationStabilityIndex.DecileEdges(D(5, 5, 5, 5)));
        // numpy.unique(numpy.percentile([0,0,0,1,1], linspace(0,100,11))) = [0, 0.4, 0.8, 1]
        Assert.Equal([0.0, 0.4, 0.8, 1.0], PopulationStabilityIndex.DecileEdges(D(0, 0, 0, 1, 1)), new ToleranceComparer(1e-15));
        // n = 11: every decile is an order statistic, so seven 0s and four 1s give just the edges 0 and 1.
        Assert.Equal([0.0, 1.0], PopulationStabilityIndex.DecileEdges(D(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1)));
        Assert.Equal([1.0, 1.5, 2.0], PopulationStabilityIndex.DecileEdges(D(1, 2), bins: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationStabilityIndex.DecileEdges(D(1, 2), bins: 0));
    }

    [Fact]
    public void Bins_are_open_ended_so_out_of_range_values_count()
    {
        double[] edges = [0, 10, 20, 30];
        // (−∞,10) [10,20) [20,+∞): −5 and 0 in the first, 10 and 19.9 in the second, 20, 30 and 1000 in the last.
        Assert.Equal([2 / 7.0, 2 / 7.0, 3 / 7.0], PopulationStabilityIndex.BinProportions(D(-5, 0, 10, 19.9, 20, 30, 1000), edges));
    }

    [Fact]
    public void Constant_reference_uses_below_at_above_bins()
    {
        Assert.Equal([0.25, 0.5, 0.25], PopulationStabilityIndex.BinProportions(D(1, 2, 2, 3), [2.0]));
        var reference = D(2, 2, 2, 2);
        Assert.Equal(0.0, PopulationStabilityIndex.Numeric(reference, D(2, 2)));
        // All of current above the constant: ref (1e-4, 1, 1e-4) vs cur (1e-4, 1e-4, 1).
        var expected = 2 * (1 - 1e-4) * Math.Log(1 / 1e-4);
        Assert.Equal(expected, PopulationStabilityIndex.Numeric(reference, D(3, 4)), 12);
        Assert.Equal(1.0, JensenShannonDistance.Numeric(reference, D(3, 4)), 15);
    }

    [Fact]
    public void Binary_reference_has_a_single_bin()
    {
        // Documented limitation: two unique edges (0 and 1) make one bin (−∞, +∞), so PSI/JS cannot see a change of
        // P(x = 1) in a 0/1 column — use KS or chi-square on such columns.
        Assert.Equal([1.0], PopulationStabilityIndex.BinProportions(D(0, 1, 1), [0.0, 1.0]));
        Assert.Equal(0.0, PopulationStabilityIndex.Numeric(D(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1), D(1, 1, 1, 1)));
    }

    [Fact]
    public void Bin_proportions_validate_edges()
    {
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.BinProportions(D(1), []));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.BinProportions(D(1), [2.0, 1.0]));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.BinProportions(D(1), [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.BinProportions(EmpiricalDistribution.Empty, [1.0]));
    }

    [Fact]
    public void Psi_floors_proportions_without_renormalising()
    {
        // ref (0.5, 0.5, 0), cur (0.5, 0.25, 0.25): the empty bin is floored to 1e-4.
        var expected = (0.25 - 0.5) * Math.Log(0.25 / 0.5) + (0.25 - 1e-4) * Math.Log(0.25 / 1e-4);
        Assert.Equal(expected, PopulationStabilityIndex.Compute([0.5, 0.5, 0], [0.5, 0.25, 0.25]), 14);
        Assert.Equal(0.0, PopulationStabilityIndex.Compute([0, 1], [0, 1]));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([double.NaN], [1.0]));
    }

    [Fact]
    public void Category_only_in_current_is_drift()
    {
        var reference = C(("a", 50), ("b", 50));
        var current = C(("a", 45), ("b", 45), ("new", 10));
        var psi = PopulationStabilityIndex.Categorical(reference, current);
        var expected = 2 * (0.45 - 0.5) * Math.Log(0.45 / 0.5) + (0.1 - 1e-4) * Math.Log(0.1 / 1e-4);
        Assert.Equal(expected, psi, 12);
        Assert.True(ChiSquareTest.Homogeneity(reference, current).PValue < 0.01);
        Assert.True(JensenShannonDistance.Categorical(reference, current) > 0.2);
    }

    [Fact]
    public void Chi_square_single_category_is_degenerate()
    {
        var r = ChiSquareTest.Homogeneity(C(("only", 10)), C(("only", 3)));
        Assert.Equal(new ChiSquareResult(0.0, 1.0, 0), r);
    }

    [Fact]
    public void Chi_square_hand_value()
    {
        // [[10, 20], [20, 10]]: expected 15 everywhere, χ² = 4·25/15 = 20/3, dof 1, p = erfc(√(10/3)).
        var r = ChiSquareTest.Homogeneity(C(("x", 10), ("y", 20)), C(("x", 20), ("y", 10)));
        Assert.Equal(20.0 / 3.0, r.Statistic, 12);
        Assert.Equal(1, r.DegreesOfFreedom);
        Assert.Equal(MathNet.Numerics.SpecialFunctions.Erfc(Math.Sqrt(10.0 / 3.0)), r.PValue, 14);
    }

    [Fact]
    public void Jensen_shannon_normalises_and_validates()
    {
        Assert.Equal(0.0, JensenShannonDistance.Compute([1, 2, 3], [2, 4, 6]), 15);
        Assert.Equal(1.0, JensenShannonDistance.Compute([1, 0], [0, 5]), 15);
        // p = (1, 0), q = (½, ½): JS² = ½[log2(4/3)] + ½[½ log2(2/3) + ½ log2(2)].
        var js2 = 0.5 * Math.Log2(4.0 / 3.0) + 0.5 * (0.5 * Math.Log2(2.0 / 3.0) + 0.5 * Math.Log2(2.0));
        Assert.Equal(Math.Sqrt(js2), JensenShannonDistance.Compute([1, 0], [1, 1]), 14);
        Assert.Throws<ArgumentException>(() => JensenShannonDistance.Compute([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => JensenShannonDistance.Compute([], []));
        Assert.Throws<ArgumentException>(() => JensenShannonDistance.Compute([0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => JensenShannonDistance.Compute([-1, 2], [1, 1]));
    }

    [Fact]
    public void Wasserstein_hand_values_and_normalisation()
    {
        Assert.Equal(5.0, WassersteinDistance.Compute(D(0, 1, 3), D(5, 6, 8)), 15);
        // ∫|F_u − F_v|: u = {0}, v = {0, 2}: ½ on [0, 2).
        Assert.Equal(1.0, WassersteinDistance.Compute(D(0), D(0, 2)), 15);
        // Normed by the reference population std (ddof = 0): std {0, 2} = 1.
        Assert.Equal(2.0, WassersteinDistance.Normed(D(0, 2), D(2, 4)), 15);
        // Constant reference: divided by 1 (std 0 — exactly, even for 0.1 repeated; see EmpiricalDistribution).
        Assert.Equal(0.0, D(0.1, 0.1, 0.1).StandardDeviation);
        Assert.Equal(WassersteinDistance.Compute(D(0.1, 0.1, 0.1), D(0.5)), WassersteinDistance.Normed(D(0.1, 0.1, 0.1), D(0.5)));
        Assert.Throws<ArgumentException>(() => WassersteinDistance.Compute(D(1, double.PositiveInfinity), D(1)));
    }
}
