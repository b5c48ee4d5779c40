using ReturnMonitor.Drift;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The quantity the sequential detector accumulates: the summed PSI of every feature, drifting or not. The batch
/// score counts only features that are significant and past the PSI floor, so it is exactly 0 on most batches and
/// carries no evidence of a shift below the floor; the unthresholded sum does, and on clean batches it is sampling noise
/// of roughly (bins − 1)·(1/n + 1/m) per feature (n batch orders, m reference orders).
/// </summary>
public static class DriftEvidence
{
    /// <summary>
    /// Σ PSI over the report's features, ≥ 0. A feature the batch has no value of (not computable) adds nothing: its
    /// absence is a data-quality alarm, not drift evidence.
    /// </summary>
    public static double Of(DriftReport report) => report.Features.Where(f => f.NotComputable is null).Sum(f => f.Psi);
}
