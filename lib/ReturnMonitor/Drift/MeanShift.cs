namespace ReturnMonitor.Drift;

/// <summary>Relative change of a feature's mean between the reference (training) data and the current data.</summary>
public static class MeanShift
{
    /// <summary>
    /// Percentage change of the mean: 100·(current − reference)/|reference| (dividing by |reference| keeps the sign
    /// meaning "current is larger" even for negative reference means). Unit: percent; range (−∞, +∞).
    /// </summary>
    /// <remarks>
    /// When the reference mean is exactly 0 the ratio is undefined: the result is 0 if the current mean is also 0
    /// (no change), otherwise <c>null</c> — the caller should then show the absolute change (current − reference).
    /// NaN in either argument (e.g. the mean of an empty sample) gives NaN.
    /// </remarks>
    public static double? Percent(double referenceMean, double currentMean)
    {
        if (double.IsNaN(referenceMean) || double.IsNaN(currentMean))
        {
            return double.NaN;
        }

        if (referenceMean == 0)
        {
            return currentMean == 0 ? 0.0 : null;
        }

        return 100.0 * (currentMean - referenceMean) / Math.Abs(referenceMean);
    }
}
