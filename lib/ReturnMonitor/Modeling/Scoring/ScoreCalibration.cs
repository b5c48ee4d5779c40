namespace ReturnMonitor.Modeling.Scoring;

/// <summary>
/// How well a model's scores match what happened on its labelled reference orders, measured: the reliability diagram
/// and expected calibration error (ECE) of the raw scores, and of the probabilities after the fitted calibration that
/// the estimates use. Both use <see cref="ReliabilityCurve.DefaultBins"/> equal-width bins; the calibrated curve is
/// in-sample (the calibration was fitted on the same orders), so <see cref="CalibrationSelection.CrossValidatedEce"/> is the
/// honest figure for it.
/// </summary>
/// <param name="Orders">The labelled reference orders measured.</param>
/// <param name="Scores">Reliability of the raw scores.</param>
/// <param name="Calibrated">Reliability of the calibrated probabilities.</param>
/// <param name="Selection">The fitted calibration and the cross-validated ECE of each candidate.</param>
public sealed record ScoreCalibration(int Orders, ReliabilityCurve Scores, ReliabilityCurve Calibrated, CalibrationSelection Selection)
{
    /// <summary>
    /// Measures the calibration of <paramref name="scores"/> against <paramref name="labels"/>; a raw score a hair
    /// outside [0, 1] (float rounding of our forest) is clamped, as <see cref="CalibrationSelection.EceBefore"/> does.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static ScoreCalibration Measure(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, CalibrationSelection selection)
    {
        var clamped = new double[scores.Length];
        for (var i = 0; i < clamped.Length; i++)
        {
            clamped[i] = Math.Clamp(scores[i], 0, 1);
        }

        return new(labels.Length, ReliabilityCurve.Compute(labels, clamped), ReliabilityCurve.Compute(labels, selection.Calibrator.Apply(scores)), selection);
    }
}
