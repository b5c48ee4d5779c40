namespace ReturnMonitor.Data;

/// <summary>How a feature is measured, and so which drift statistics apply to it.</summary>
public enum FeatureKind
{
    /// <summary>A number (integer or decimal): KS, PSI on reference deciles, Wasserstein, mean shift.</summary>
    Numeric,

    /// <summary>A category label: chi-square, PSI over categories, Jensen–Shannon.</summary>
    Categorical,
}
