using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>Registering drift methods, fitting them once per profile, and their own alerts.</summary>
public sealed class DriftMethodRegistryTests
{
    private static readonly DatasetSummary Train = Summary("train.csv");
    private static readonly DatasetSummary Flash = Summary("batch_2_flash_sale.csv");

    [Fact]
    public void The_default_registry_is_the_documented_set()
    {
        var registry = DriftMethodRegistry.Default;
        Assert.Equal(["kolmogorov_smirnov", "psi", "wasserstein", "mean_shift"], registry.For(FeatureKind.Numeric).Select(m => m.Key));
        Assert.Equal(["chi2", "psi", "jensen_shannon"], registry.For(FeatureKind.Categorical).Select(m => m.Key));
        Assert.Equal("kolmogorov_smirnov", registry.TestKey(FeatureKind.Numeric));
        Assert.Equal("chi2", registry.TestKey(FeatureKind.Categorical));

        var report = new ReferenceProfile(Train).Compare(Flash);
        Assert.All(report.Features, f => Assert.Equal(registry.For(f.Kind).Select(m => m.Key), f.Statistics.Select(s => s.Key)));
    }

    [Fact]
    public void A_new_method_is_one_class_and_one_registration()
    {
        // L∞ (largest change of one category's share) is defined only here, in the test: registering it is all it takes.
        var registry = DriftMethodRegistry.Default
            .With(FeatureKind.Categorical, new LargestShareChange())
            .With(FeatureKind.Numeric, new JensenShannonMethod());
        var extended = new ReferenceProfile(Train, registry).Compare(Flash);
        var plain = new ReferenceProfile(Train).Compare(Flash);

        foreach (var f in extended.Features.Where(f => f.Kind == FeatureKind.Categorical))
        {
            var result = f.Statistics[^1];
            Assert.Equal(LargestShareChange.Key, result.Key);
            var shares = f.Distribution.Reference.Zip(f.Distribution.Current, (r, c) => Math.Abs(c - r));
            Assert.Equal(shares.Max(), result.Value!.Value, 12);
        }

        // Numeric Jensen–Shannon over the PSI bins now fills the named accessor for numeric features too.
        foreach (var f in OrderSchema.NumericFeatures)
        {
            Assert.Equal(JensenShannonDistance.Numeric(Train.Numeric[f.Name], Flash.Numeric[f.Name]), extended.Feature(f.Name).JensenShannon);
            Assert.Null(plain.Feature(f.Name).JensenShannon);
        }

        // The decision reads only the tests and PSI: an extra method changes nothing it decides (its own fields are
        // rendered: StatisticRenderingTests).
        Assert.Equal(plain.Score, extended.Score);
        Assert.Equal(plain.Features.Select(f => (f.Severity, f.AdjustedPValue, f.Psi)), extended.Features.Select(f => (f.Severity, f.AdjustedPValue, f.Psi)));
        Assert.Contains("\"jensenShannon\"", DriftJson.ToNode(extended)["features"]![0]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Largest_share_change_by_hand()
    {
        // reference a:b = 2:2, batch a:b:c = 1:2:1 → shares (½, ½, 0) vs (¼, ½, ¼): L∞ = ¼.
        var fitted = new LargestShareChange().Fit(Counts(("a", 2), ("b", 2)));
        var result = fitted.Calculate(Counts(("a", 1), ("b", 2), ("c", 1)));
        Assert.Equal(0.25, result.Value!.Value, 15);
        Assert.True(result.Alert);
        Assert.False(fitted.Calculate(Counts(("a", 5), ("b", 5))).Alert);
    }

    [Fact]
    public void A_profile_fits_each_method_once_for_many_batches()
    {
        var counting = new CountingMethod(new PopulationStabilityIndexMethod());
        var profile = new ReferenceProfile(Train, DriftMethodRegistry.Default.With(FeatureKind.Numeric, counting));
        Assert.Equal(0, counting.Fits); // fitted lazily, on the first comparison

        var batches = new[] { "batch_1_normal.csv", "batch_2_flash_sale.csv", "batch_3_supply_crisis.csv" }.Select(Summary).ToArray();
        var reports = batches.Select(b => profile.Compare(b)).ToArray();

        Assert.Equal(OrderSchema.NumericFeatures.Count, counting.Fits);
        Assert.Equal(3 * OrderSchema.NumericFeatures.Count, counting.Calculations);
        // Replaced in place under the same key: the results are the default ones.
        for (var i = 0; i < batches.Length; i++)
        {
            Assert.Equal(DriftJson.Serialize(DriftAnalysis.Compare(Train, batches[i])), DriftJson.Serialize(reports[i]));
        }
    }

    [Fact]
    public void Registration_is_checked()
    {
        Assert.Throws<ArgumentException>(() => DriftMethodRegistry.Default.With(FeatureKind.Numeric, new ChiSquareMethod()));
        Assert.Throws<ArgumentException>(() => DriftMethodRegistry.Default.With(FeatureKind.Categorical, new WassersteinMethod()));

        var withoutPsi = DriftMethodRegistry.Default.Without(FeatureKind.Categorical, DriftMethodKeys.PopulationStabilityIndex);
        Assert.Equal(["chi2", "jensen_shannon"], withoutPsi.For(FeatureKind.Categorical).Select(m => m.Key));
        var missing = Assert.Throws<InvalidOperationException>(() => DriftAnalysis.Compare(Train, Flash, methods: withoutPsi));
        Assert.Contains("'psi'", missing.Message);

        var notATest = DriftMethodRegistry.Default.WithTest(FeatureKind.Numeric, DriftMethodKeys.Wasserstein);
        Assert.Contains("not a test", Assert.Throws<InvalidOperationException>(() => DriftAnalysis.Compare(Train, Flash, methods: notATest)).Message);

        // Replacing keeps the position; the default registry itself never changes.
        var stricter = DriftMethodRegistry.Default.With(FeatureKind.Numeric, new KolmogorovSmirnovMethod(threshold: 0.01));
        Assert.Equal(0.01, stricter.For(FeatureKind.Numeric)[0].Threshold);
        Assert.Equal(0.05, DriftMethodRegistry.Default.For(FeatureKind.Numeric)[0].Threshold);
    }

    [Fact]
    public void Each_method_alerts_on_its_own_threshold()
    {
        Assert.True(DriftMethodResult.Test("t", 1, 0.049, 0.05).Alert);
        Assert.False(DriftMethodResult.Test("t", 1, 0.05, 0.05).Alert);
        Assert.False(DriftMethodResult.Test("t", 1, 0.0, null).Alert);
        Assert.True(DriftMethodResult.Distance("d", 0.1, 0.1).Alert);
        Assert.False(DriftMethodResult.Distance("d", 0.099, 0.1).Alert);
        Assert.False(DriftMethodResult.Distance("d", null, 0.1).Alert);

        var report = new ReferenceProfile(Train).Compare(Flash);
        var discount = report.Feature(OrderSchema.DiscountPercentage); // the flash sale's main shift: D = 0.84
        Assert.All(discount.Statistics.Where(s => s.Key != DriftMethodKeys.MeanShift), s => Assert.True(s.Alert, s.Key));
        Assert.False(discount.Statistic(DriftMethodKeys.MeanShift)!.Alert); // no threshold by default
        var withThreshold = new MeanShiftMethod(threshold: 50).Fit(Train.Numeric[OrderSchema.DiscountPercentage]).Calculate(Flash.Numeric[OrderSchema.DiscountPercentage]);
        Assert.Equal(Math.Abs(discount.MeanShiftPercent!.Value) >= 50, withThreshold.Alert);
    }

    private static DatasetSummary Summary(string file) => DatasetSummary.Of(OrderCsv.Read(Path.Combine(TestPaths.Data, file)));

    private static CategoryCounts Counts(params (string Category, long Count)[] pairs) =>
        CategoryCounts.FromCounts(pairs.Select(p => KeyValuePair.Create(p.Category, p.Count)));

    /// <summary>L∞ distance: max over the union of categories of |current share − reference share|, in [0, 1].</summary>
    private sealed class LargestShareChange : IDriftMethod<CategoryCounts>
    {
        public const string Key = "l_infinity";

        string IDriftMethod.Key => Key;

        public double? Threshold => 0.1;

        public IFittedDriftMethod<CategoryCounts> Fit(CategoryCounts reference) => new Fitted(reference, this);

        private sealed class Fitted(CategoryCounts reference, LargestShareChange method) : IFittedDriftMethod<CategoryCounts>
        {
            public DriftMethodResult Calculate(CategoryCounts current)
            {
                var largest = reference.Categories.Union(current.Categories)
                    .Max(c => Math.Abs((double)current[c] / current.Total - (double)reference[c] / reference.Total));
                return DriftMethodResult.Distance(Key, largest, method.Threshold);
            }
        }
    }

    /// <summary>Counts fits and calculations of the method it wraps.</summary>
    private sealed class CountingMethod(IDriftMethod<EmpiricalDistribution> inner) : IDriftMethod<EmpiricalDistribution>
    {
        private int fits;
        private int calculations;

        public int Fits => fits;

        public int Calculations => calculations;

        public string Key => inner.Key;

        public double? Threshold => inner.Threshold;

        public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
        {
            Interlocked.Increment(ref fits);
            var fitted = inner.Fit(reference);
            return new Counted(fitted, this);
        }

        private sealed class Counted(IFittedDriftMethod<EmpiricalDistribution> fitted, CountingMethod owner) : IFittedDriftMethod<EmpiricalDistribution>
        {
            public DriftMethodResult Calculate(EmpiricalDistribution current)
            {
                Interlocked.Increment(ref owner.calculations);
                return fitted.Calculate(current);
            }
        }
    }
}
