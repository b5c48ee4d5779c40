using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>Categorical kernels against scipy reference values (Reference/categorical_cases.json).</summary>
public sealed class CategoricalReferenceTests
{
    private const string File = "categorical_cases.json";

    public static TheoryData<string> Cases => ReferenceData.CaseNames(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scipy(string name)
    {
        var c = ReferenceData.Case(File, name);
        var reference = ReferenceData.Categories(c.GetProperty("reference"));
        var current = ReferenceData.Categories(c.GetProperty("current"));
        var expected = c.GetProperty("expected");

        var (categories, _, _) = CategoryCounts.Align(reference, current);
        Assert.Equal(expected.GetProperty("categories").EnumerateArray().Select(e => e.GetString()), categories);

        var chi = ChiSquareTest.Homogeneity(reference, current);
        Close.Statistic(expected.GetProperty("chi2_statistic").GetDouble(), chi.Statistic, "chi2");
        Close.Probability(expected.GetProperty("chi2_pvalue").GetDouble(), chi.PValue, "chi2 p");
        Assert.Equal(expected.GetProperty("chi2_dof").GetInt32(), chi.DegreesOfFreedom);

        Close.Statistic(expected.GetProperty("psi").GetDouble(), PopulationStabilityIndex.Categorical(reference, current), "PSI");
        Close.Statistic(expected.GetProperty("js").GetDouble(), JensenShannonDistance.Categorical(reference, current), "JS");
    }
}
