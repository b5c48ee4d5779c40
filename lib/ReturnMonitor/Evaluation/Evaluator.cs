using ReturnMonitor.Data;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// The <c>evaluate</c> harness: simulates a reference (training data) and many batches per case and size, and measures
/// how the alarms behave — false-positive rate, detection rate, per-feature precision and recall.
/// </summary>
public static class Evaluator
{
    /// <summary>Largest acceptable false-positive rate of the batch alarm, at every size.</summary>
    public const double MaxFalsePositiveRate = 0.05;

    /// <summary>Smallest batch from which flash sale and supply crisis must be detected every time.</summary>
    public const int FullDetectionFromSize = 500;

    /// <summary>Runs the whole evaluation.</summary>
    public static EvaluationReport Run(EvaluationOptions options, IProgress<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Trials, 1);
        if (options.BatchSizes.Count == 0 || options.BatchSizes.Any(s => s < 1))
        {
            throw new ArgumentException("batch sizes must be whole numbers of orders ≥ 1", nameof(options));
        }

        var reference = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, options.ReferenceSize, RandomSource.DeriveSeed(options.Seed, "evaluate/reference")));
        var cases = DriftEvaluation.Cases(options);
        progress?.Report("ground truth");
        var truth = DriftEvaluation.GroundTruth(cases, options);
        var (alarms, flags) = DriftEvaluation.Run(reference, cases, options, progress);
        var accuracy = DriftEvaluation.Score(flags, truth);
        return new EvaluationReport(options, truth, alarms, flags, accuracy, Targets(alarms));
    }

    private static IReadOnlyList<TargetCheck> Targets(IReadOnlyList<BatchAlarmRate> alarms)
    {
        var worstNull = alarms.Where(a => a.IsNull).MaxBy(a => a.Alarms.Rate)!;
        var critical = alarms.Where(a => a.Scenario is "flash_sale" or "supply_crisis" && a.Size >= FullDetectionFromSize).ToArray();
        var weakest = critical.MinBy(a => a.Alarms.Rate);
        return
        [
            new TargetCheck(
                "falsePositiveRate",
                $"false-positive rate of the batch alarm ≤ {MaxFalsePositiveRate * 100:0}% at every batch size",
                worstNull.Alarms.Rate <= MaxFalsePositiveRate,
                $"highest {worstNull.Alarms.Rate * 100:0.0}% ({worstNull.Alarms.Hits}/{worstNull.Alarms.Trials}) at {worstNull.Size:N0} orders"),
            new TargetCheck(
                "detectionRate",
                $"flash_sale and supply_crisis detected in 100% of batches of ≥ {FullDetectionFromSize} orders",
                weakest is null || weakest.Alarms.Hits == weakest.Alarms.Trials,
                weakest is null ? "no batch size ≥ 500 simulated" : $"lowest {weakest.Alarms.Rate * 100:0.0}% ({weakest.Scenario}, {weakest.Size:N0} orders)"),
        ];
    }
}
