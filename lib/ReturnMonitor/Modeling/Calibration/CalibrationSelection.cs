using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>The calibrator chosen for a model and the evidence for the choice.</summary>
/// <param name="Calibrator">The chosen method, refitted on all the held-out orders.</param>
/// <param name="CrossValidatedEce">Mean expected calibration error of each candidate on held-out folds.</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="EceBefore">ECE of the raw scores on all the held-out orders.</param>
/// <param name="EceAfter">ECE of the calibrated probabilities on the same orders (in-sample, so optimistic; the cross-validated value is the honest one).</param>
public sealed record CalibrationSelection(
    ProbabilityCalibrator Calibrator,
    IReadOnlyDictionary<CalibrationMethod, double> CrossValidatedEce,
    int Folds,
    double EceBefore,
    double EceAfter)
{
    /// <summary>
    /// Fits identity, Platt and isotonic calibration on k − 1 stratified folds of labelled held-out orders, measures
    /// ECE on the remaining fold, and keeps the method with the lowest mean (ties go to the simpler method), refitted on
    /// all orders.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer orders than folds, or a class missing.</exception>
    public static CalibrationSelection Choose(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, int folds = 5, ulong seed = 42)
    {
        var positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        if (folds < 2 || positives < folds || labels.Length - positives < folds)
        {
            throw new ArgumentException($"choosing a calibration needs at least {folds} returned and {folds} kept held-out orders");
        }

        var fold = StratifiedFolds.Assign(labels, folds, new RandomSource(RandomSource.DeriveSeed(seed, "calibration-folds")));
        var methods = new[] { CalibrationMethod.Identity, CalibrationMethod.Platt, CalibrationMethod.Isotonic };
        var ece = methods.ToDictionary(m => m, _ => 0.0);
        for (var k = 0; k < folds; k++)
        {
            var (trainLabels, trainScores, testLabels, testScores) = Split(labels, scores, fold, k);
            foreach (var method in methods)
            {
                var calibrator = Fit(method, trainLabels, trainScores);
                ece[method] += ReliabilityCurve.Compute(testLabels, calibrator.Apply(testScores)).ExpectedCalibrationError / folds;
            }
        }

        var best = methods.OrderBy(m => ece[m]).ThenBy(m => (int)m).First();
        var chosen = Fit(best, labels, scores);
        return new CalibrationSelection(
            chosen,
            ece,
            folds,
            ReliabilityCurve.Compute(labels, scores.ToArray().Select(s => Math.Clamp(s, 0, 1)).ToArray()).ExpectedCalibrationError,
            ReliabilityCurve.Compute(labels, chosen.Apply(scores)).ExpectedCalibrationError);
    }

    /// <summary>Fits one method.</summary>
    public static ProbabilityCalibrator Fit(CalibrationMethod method, ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores) => method switch
    {
        CalibrationMethod.Platt => ProbabilityCalibrator.FitPlatt(labels, scores),
        CalibrationMethod.Isotonic => ProbabilityCalibrator.FitIsotonic(labels, scores),
        _ => ProbabilityCalibrator.Identity,
    };

    private static (bool[], double[], bool[], double[]) Split(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores, int[] fold, int k)
    {
        List<bool> trainLabels = [], testLabels = [];
        List<double> trainScores = [], testScores = [];
        for (var i = 0; i < labels.Length; i++)
        {
            (fold[i] == k ? testLabels : trainLabels).Add(labels[i]);
            (fold[i] == k ? testScores : trainScores).Add(scores[i]);
        }

        return ([.. trainLabels], [.. trainScores], [.. testLabels], [.. testScores]);
    }
}
