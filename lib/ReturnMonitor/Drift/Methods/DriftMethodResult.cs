namespace ReturnMonitor.Drift;

/// <summary>
/// One drift method's result for one feature of one batch.
/// </summary>
/// <param name="Key">The method's registry key (<see cref="DriftMethodKeys"/>).</param>
/// <param name="Value">
/// The statistic: the test statistic of a test (KS D, χ²), otherwise the distance the threshold applies to (PSI,
/// Wasserstein in reference standard deviations, JS, mean shift in percent). Null when undefined (a mean shift from a zero mean).
/// </param>
/// <param name="PValue">Uncorrected p-value in [0, 1] for a test; null for a distance.</param>
/// <param name="Alert">Whether the method's own threshold (<see cref="IDriftMethod.Threshold"/>) is crossed; false when it has none.</param>
/// <param name="Detail">
/// The kernel's full result, when it has more than one number: <see cref="KolmogorovSmirnovResult"/>,
/// <see cref="ChiSquareResult"/>, <see cref="WassersteinResult"/>, <see cref="MeanShiftResult"/>; otherwise null.
/// </param>
public sealed record DriftMethodResult(string Key, double? Value, double? PValue, bool Alert, object? Detail = null)
{
    /// <summary>The method's own threshold that <see cref="Alert"/> was decided with (<see cref="IDriftMethod.Threshold"/>), or null.</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// How the statistic renders (JSON fields, table text), set by the method; null for a method that gives none, which
    /// is then rendered by <see cref="StatisticDisplay.Generic"/>. Renderers read <see cref="Shown"/>.
    /// </summary>
    public StatisticDisplay? Display { get; init; }

    /// <summary>What the renderers show: <see cref="Display"/>, or the generic display of key, value and p-value.</summary>
    public StatisticDisplay Shown => Display ?? StatisticDisplay.Generic(this);

    /// <summary>The result of a test: alert when <paramref name="pValue"/> &lt; <paramref name="threshold"/>.</summary>
    public static DriftMethodResult Test(string key, double statistic, double pValue, double? threshold, object? detail = null) =>
        new(key, statistic, pValue, pValue < threshold, detail) { Threshold = threshold };

    /// <summary>The result of a distance: alert when <paramref name="value"/> ≥ <paramref name="threshold"/>.</summary>
    public static DriftMethodResult Distance(string key, double? value, double? threshold, object? detail = null) =>
        new(key, value, null, value >= threshold, detail) { Threshold = threshold };
}
