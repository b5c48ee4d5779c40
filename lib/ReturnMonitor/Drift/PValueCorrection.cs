namespace ReturnMonitor.Drift;

/// <summary>How the per-feature p-values of one batch are corrected for testing nine features at once.</summary>
public enum PValueCorrection
{
    /// <summary>Benjamini–Hochberg (controls the false discovery rate; under no drift at all, the chance of any false flag).</summary>
    BenjaminiHochberg,

    /// <summary>Bonferroni: p·m, the most conservative.</summary>
    Bonferroni,

    /// <summary>No correction (the original system's behaviour: about 1 − 0.95⁹ ≈ 37% of clean batches flag something).</summary>
    None,
}
