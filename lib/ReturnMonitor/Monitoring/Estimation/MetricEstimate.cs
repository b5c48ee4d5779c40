namespace ReturnMonitor.Monitoring;

/// <summary>
/// One metric's label-free estimate with a band that includes every known source of error: Value ± 1.96·SE, clipped
/// to [0, 1], with SE = √(sampling² + calibration² + bias²) for CBPE and √(sampling² + weighting² + bias²) for the
/// importance-weighted estimate, bias being the calibration's out-of-bag systematic error
/// (<see cref="CalibrationBootstrap.OutOfBagBias"/>). The band is meant to contain the realized value in 95% of batches when the assessment is reliable.
/// </summary>
/// <param name="Metric">The metric.</param>
/// <param name="Method">The estimator the value comes from.</param>
/// <param name="Value">The reported estimate (unitless, in [0, 1]).</param>
/// <param name="Lower">Value − 1.96·SE, at least 0.</param>
/// <param name="Upper">Value + 1.96·SE, at most 1.</param>
/// <param name="StandardError">Total standard error used for the band.</param>
/// <param name="Cbpe">The CBPE estimate.</param>
/// <param name="ImportanceWeighted">The importance-weighted estimate.</param>
/// <param name="SamplingStandardError">Spread of the realized metric when the batch's labels are drawn from the calibrated probabilities (CBPE's band).</param>
/// <param name="CalibrationStandardError">The larger of the CBPE estimate's spread over calibrators refitted on bootstrap resamples of the held-out orders and the held-out labels' own sampling error on the metric (<see cref="CalibrationBootstrap.OutOfBag"/>).</param>
/// <param name="WeightingStandardError">Bootstrap spread of the importance-weighted estimate over the held-out orders.</param>
/// <param name="CalibrationBias">The calibration's systematic error on held-out orders it was not fitted on (positive = optimistic); its magnitude widens the band.</param>
public sealed record MetricEstimate(
    PerformanceMetric Metric,
    EstimateMethod Method,
    double Value,
    double Lower,
    double Upper,
    double StandardError,
    double Cbpe,
    double ImportanceWeighted,
    double SamplingStandardError,
    double CalibrationStandardError,
    double WeightingStandardError,
    double CalibrationBias)
{
    /// <summary>Whether <paramref name="realized"/> lies inside [Lower, Upper].</summary>
    public bool Covers(double realized) => realized >= Lower && realized <= Upper;
}
