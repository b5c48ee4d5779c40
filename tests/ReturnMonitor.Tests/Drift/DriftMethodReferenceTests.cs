using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// The drift methods, fitted on the reference and calculated on the batch, against the scipy/numpy reference values
/// (Reference/numeric_cases.json, Reference/categorical_cases.json) — the same values the kernels are checked against.
/// </summary>
public sealed class DriftMethodReferenceTests
{
    public static TheoryData<string> NumericCases => ReferenceData.CaseNames("numeric_cases.json");

    public static TheoryData<string> CategoricalCases => ReferenceData.CaseNames("categorical_cases.json");

    [Theory]
    [MemberData(nameof(NumericCases))]
    public void Numeric_methods_match_scipy(string name)
    {
        var c = ReferenceData.Case("numeric_cases.json", name);
        var reference = ReferenceData.Distribution(c.GetProperty("reference"));
        var current = ReferenceData.Distribution(c.GetProperty("current"));
        var expected = c.GetProperty("expected");

        var ks = Calculate(new KolmogorovSmirnovMethod(), reference, current);
        Close.Statistic(expected.GetProperty("ks_statistic").GetDouble(), ks.Value!.Value, "D");
        Close.Probability(expected.GetProperty("ks_pvalue").GetDouble(), ks.PValue!.Value, "p");
        Assert.Equal(expected.GetProperty("ks_exact").GetBoolean(), Assert.IsType<KolmogorovSmirnovResult>(ks.Detail).Exact);

        Close.Statistic(expected.GetProperty("psi").GetDouble(), Calculate(new PopulationStabilityIndexMethod(), reference, current).Value!.Value, "PSI");
        Close.Statistic(expected.GetProperty("js_numeric").GetDouble(), Calculate(new JensenShannonMethod(), reference, current).Value!.Value, "JS");

        var wasserstein = Assert.IsType<WassersteinResult>(Calculate(new WassersteinMethod(), reference, current).Detail);
        Close.Statistic(expected.GetProperty("wasserstein").GetDouble(), wasserstein.Distance, "W1");
        Close.Statistic(expected.GetProperty("wasserstein_normed").GetDouble(), wasserstein.Normed, "W1 normed");

        var means = Assert.IsType<MeanShiftResult>(Calculate(new MeanShiftMethod(), reference, current).Detail);
        var referenceMean = expected.GetProperty("reference_mean").GetDouble();
        var currentMean = expected.GetProperty("current_mean").GetDouble();
        Close.Statistic(referenceMean, means.ReferenceMean, "reference mean");
        Close.Statistic(currentMean, means.CurrentMean, "current mean");
        if (Math.Abs(referenceMean) > 1e-3)
        {
            Assert.InRange(means.Percent!.Value - 100 * (currentMean - referenceMean) / Math.Abs(referenceMean), -1e-6, 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(CategoricalCases))]
    public void Categorical_methods_match_scipy(string name)
    {
        var c = ReferenceData.Case("categorical_cases.json", name);
        var reference = ReferenceData.Categories(c.GetProperty("reference"));
        var current = ReferenceData.Categories(c.GetProperty("current"));
        var expected = c.GetProperty("expected");

        var chi = Calculate(new ChiSquareMethod(), reference, current);
        Close.Statistic(expected.GetProperty("chi2_statistic").GetDouble(), chi.Value!.Value, "chi2");
        Close.Probability(expected.GetProperty("chi2_pvalue").GetDouble(), chi.PValue!.Value, "chi2 p");
        Assert.Equal(expected.GetProperty("chi2_dof").GetInt32(), Assert.IsType<ChiSquareResult>(chi.Detail).DegreesOfFreedom);

        Close.Statistic(expected.GetProperty("psi").GetDouble(), Calculate(new PopulationStabilityIndexMethod(), reference, current).Value!.Value, "PSI");
        Close.Statistic(expected.GetProperty("js").GetDouble(), Calculate(new JensenShannonMethod(), reference, current).Value!.Value, "JS");
    }

    [Fact]
    public void The_report_carries_exactly_the_kernel_values()
    {
        // Fitting splits each kernel into a reference part and a batch part; the split must not change a single bit.
        var train = DatasetSummary.Of(OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv")));
        var batch = DatasetSummary.Of(OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv")));
        var report = new ReferenceProfile(train).Compare(batch);

        foreach (var f in OrderSchema.NumericFeatures)
        {
            var (r, c, drift) = (train.Numeric[f.Name], batch.Numeric[f.Name], report.Feature(f.Name));
            var ks = KolmogorovSmirnovTest.TwoSample(r, c);
            Assert.Equal(ks.Statistic, drift.KsStatistic);
            Assert.Equal(ks.PValue, drift.KsPValue);
            Assert.Equal(ks.PValue, drift.PValue);
            Assert.Equal(PopulationStabilityIndex.Numeric(r, c), drift.Psi);
            Assert.Equal(WassersteinDistance.Compute(r, c), drift.Wasserstein);
            Assert.Equal(WassersteinDistance.Normed(r, c), drift.WassersteinNormed);
            Assert.Equal(MeanShift.Percent(r.Mean, c.Mean), drift.MeanShiftPercent);
            Assert.Null(drift.ChiSquare);
            Assert.Null(drift.JensenShannon);
            Assert.Equal(DriftMethodKeys.KolmogorovSmirnov, drift.Test);
        }

        foreach (var f in OrderSchema.CategoricalFeatures)
        {
            var (r, c, drift) = (train.Categorical[f.Name], batch.Categorical[f.Name], report.Feature(f.Name));
            var chi = ChiSquareTest.Homogeneity(r, c);
            Assert.Equal(chi.Statistic, drift.ChiSquare);
            Assert.Equal(chi.PValue, drift.ChiSquarePValue);
            Assert.Equal(chi.PValue, drift.PValue);
            Assert.Equal(chi.DegreesOfFreedom, drift.DegreesOfFreedom);
            Assert.Equal(PopulationStabilityIndex.Categorical(r, c), drift.Psi);
            Assert.Equal(JensenShannonDistance.Categorical(r, c), drift.JensenShannon);
            Assert.Null(drift.KsStatistic);
            Assert.Null(drift.Wasserstein);
            Assert.Equal(DriftMethodKeys.ChiSquare, drift.Test);
        }

        // The decision corrects the tests' p-values once, in schema order.
        var adjusted = MultipleTesting.BenjaminiHochberg(report.Features.Select(f => f.PValue).ToArray());
        Assert.Equal(adjusted, report.Features.Select(f => f.AdjustedPValue));
    }

    private static DriftMethodResult Calculate<T>(IDriftMethod<T> method, T reference, T current) => method.Fit(reference).Calculate(current);
}
