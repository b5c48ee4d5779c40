namespace ReturnMonitor.Monitoring;

/// <summary>
/// What a batch's returns cost, in the cost model's currency. Order i costs c_i = handling + shipping +
/// priceLostShare·price_i if returned. Without labels the expected total is Σ p_i·c_i (p_i the calibrated return
/// probability); if each return is Bernoulli(p_i) its exact sampling variance is Σ p_i(1 − p_i)·c_i², to which the
/// calibration's own variance (bootstrap refits on the held-out orders) is added; the band is expected ± 1.96·SE.
/// </summary>
/// <param name="Currency">Money unit.</param>
/// <param name="Orders">Orders in the batch.</param>
/// <param name="ExpectedTotal">Σ p_i·c_i over the batch.</param>
/// <param name="ExpectedPerOrder">ExpectedTotal / Orders.</param>
/// <param name="SamplingStandardError">√Σ p_i(1 − p_i)·c_i²: spread of the realized cost if the probabilities are right.</param>
/// <param name="CalibrationStandardError">Spread of Σ p_i·c_i over calibrators refitted on bootstrap resamples of the held-out orders (0 when not given).</param>
/// <param name="StandardError">√(sampling² + calibration²).</param>
/// <param name="Lower">ExpectedTotal − 1.96·SE, at least 0.</param>
/// <param name="Upper">ExpectedTotal + 1.96·SE.</param>
/// <param name="RealizedTotal">Σ y_i·c_i when the batch is labelled; else null.</param>
/// <param name="ReferencePerOrder">Realized return cost per order of the labelled reference orders: the normal level.</param>
/// <param name="ExtraPerOrder">ExpectedPerOrder − ReferencePerOrder: what this batch costs beyond normal, per order.</param>
/// <param name="ExtraTotal">ExtraPerOrder · Orders.</param>
/// <param name="ImportanceWeightedPerOrder">Σ p_i·c_i / n with p_i from the importance-weighted calibration (held-out orders reweighted to the batch; see <see cref="ImportanceWeightedEstimator"/>); null when not computed.</param>
public sealed record ReturnCostEstimate(
    string Currency,
    int Orders,
    double ExpectedTotal,
    double ExpectedPerOrder,
    double SamplingStandardError,
    double CalibrationStandardError,
    double StandardError,
    double Lower,
    double Upper,
    double? RealizedTotal,
    double ReferencePerOrder,
    double ExtraPerOrder,
    double ExtraTotal,
    double? ImportanceWeightedPerOrder)
{
    /// <summary>Whether the realized cost, when known, lies inside [Lower, Upper].</summary>
    public bool? Covers => RealizedTotal is { } r ? r >= Lower && r <= Upper : null;
}
