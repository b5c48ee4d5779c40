using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>Numeric kernels against scipy/numpy reference values (Reference/numeric_cases.json).</summary>
public sealed class NumericReferenceTests
{
    private const string File = "numeric_cases.json";

    public static TheoryData<string> Cases => ReferenceData.CaseNames(File);

    private static (EmpiricalDistribution Reference, EmpiricalDistribution Current, System.Text.Json.JsonElement Expected) Load(string name)
    {
        var c = ReferenceData.Case(File, name);
        return (ReferenceData.Distribution(c.GetProperty("reference")), ReferenceData.Distribution(c.GetProperty("current")),
            c.GetProperty("expected"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kolmogorov_smirnov_matches_scipy_ks2samp(string name)
    {
        var (reference, current, expected) = Load(name);
        Assert.Equal(expected.GetProperty("n1").GetInt64(), reference.Count);
        Assert.Equal(expected.GetProperty("n2").GetInt64(), current.Count);

        var result = KolmogorovSmirnovTest.TwoSample(reference, current);

        Close.Statistic(expected.GetProperty("ks_statistic").GetDouble(), result.Statistic, "D");
        Close.Probability(expected.GetProperty("ks_pvalue").GetDouble(), result.PValue, "p");
        Assert.Equal(expected.GetProperty("ks_exact").GetBoolean(), result.Exact);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wasserstein_matches_scipy(string name)
    {
        var (reference, current, expected) = Load(name);
        Close.Statistic(expected.GetProperty("wasserstein").GetDouble(), WassersteinDistance.Compute(reference, current), "W1");
        Close.Statistic(expected.GetProperty("wasserstein_normed").GetDouble(), WassersteinDistance.Normed(reference, current), "W1 normed");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Psi_and_bins_match_numpy_definition(string name)
    {
        var (reference, current, expected) = Load(name);
        var edges = PopulationStabilityIndex.DecileEdges(reference);
        Close.Statistics(expected.GetProperty("decile_edges").Doubles(), edges, "edges");
        var referenceBins = PopulationStabilityIndex.BinProportions(reference, edges);
        var currentBins = PopulationStabilityIndex.BinProportions(current, edges);
        Close.Statistics(expected.GetProperty("reference_bins").Doubles(), referenceBins, "reference bins");
        Close.Statistics(expected.GetProperty("current_bins").Doubles(), currentBins, "current bins");
        Close.Statistic(1.0, currentBins.Sum(), "current bins sum (no value dropped)");
        Close.Statistic(expected.GetProperty("psi").GetDouble(), PopulationStabilityIndex.Numeric(reference, current), "PSI");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Jensen_shannon_numeric_matches_scipy(string name)
    {
        var (reference, current, expected) = Load(name);
        Close.Statistic(expected.GetProperty("js_numeric").GetDouble(), JensenShannonDistance.Numeric(reference, current), "JS");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Empirical_distribution_matches_numpy(string name)
    {
        var (reference, current, expected) = Load(name);
        var q = expected.GetProperty("percentile_q").Doubles();
        Close.Statistics(expected.GetProperty("reference_percentiles").Doubles(), q.Select(reference.Percentile).ToArray(), "reference percentiles");
        Close.Statistics(expected.GetProperty("current_percentiles").Doubles(), q.Select(current.Percentile).ToArray(), "current percentiles");
        Close.Statistic(expected.GetProperty("reference_mean").GetDouble(), reference.Mean, "reference mean");
        Close.Statistic(expected.GetProperty("current_mean").GetDouble(), current.Mean, "current mean");
        Close.Statistic(expected.GetProperty("reference_std").GetDouble(), reference.StandardDeviation, "reference std");
        Close.Statistic(expected.GetProperty("current_std").GetDouble(), current.StandardDeviation, "current std");
    }
}
