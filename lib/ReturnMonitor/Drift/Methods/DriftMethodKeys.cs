namespace ReturnMonitor.Drift;

/// <summary>Registry keys of the built-in drift methods (NannyML's naming).</summary>
public static class DriftMethodKeys
{
    /// <summary>Two-sample Kolmogorov–Smirnov test (numeric): <see cref="KolmogorovSmirnovMethod"/>.</summary>
    public const string KolmogorovSmirnov = "kolmogorov_smirnov";

    /// <summary>Population stability index (numeric and categorical): <see cref="PopulationStabilityIndexMethod"/>.</summary>
    public const string PopulationStabilityIndex = "psi";

    /// <summary>Wasserstein-1 distance (numeric): <see cref="WassersteinMethod"/>.</summary>
    public const string Wasserstein = "wasserstein";

    /// <summary>Relative change of the mean (numeric): <see cref="MeanShiftMethod"/>.</summary>
    public const string MeanShift = "mean_shift";

    /// <summary>Chi-square test of homogeneity (categorical): <see cref="ChiSquareMethod"/>.</summary>
    public const string ChiSquare = "chi2";

    /// <summary>Jensen–Shannon distance (categorical; numeric over the PSI bins when registered): <see cref="JensenShannonMethod"/>.</summary>
    public const string JensenShannon = "jensen_shannon";
}
