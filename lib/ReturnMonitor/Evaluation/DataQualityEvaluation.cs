using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// Measures the data-quality alarm (<see cref="DataQualityCheck"/>) by simulation, on summaries only (no model): for every
/// batch size, normal batches without gaps (every alarm is a false alarm), the <c>missing_values</c> case — normal batches
/// with 10% of <c>delivery_time_days</c> blanked at random rows — and a small-gap case (0.5% blanked, below the rule's
/// one-point floor: how often a tolerable gap rate alarms). The normal batches are the drift evaluation's null batches
/// (same seeds); each trial has its own seed, so the result does not depend on scheduling.
/// </summary>
public static class DataQualityEvaluation
{
    /// <summary>The feature the missing-values cases blank: a field a broken carrier feed would leave empty.</summary>
    public const string BlankedFeature = OrderSchema.DeliveryTimeDays;

    /// <summary>Share of the blanked feature's cells emptied in the <c>missing_values</c> case.</summary>
    public const double MissingShare = 0.10;

    /// <summary>Share emptied in the small-gap case: half a point, below <see cref="DataQualityCheck.MinimumEffect"/>.</summary>
    public const double SmallGapShare = 0.005;

    /// <summary>Name of the missing-values case in tables, JSON and targets.</summary>
    public const string MissingValuesCase = "missing_values";

    /// <summary>Name of the small-gap case.</summary>
    public const string SmallGapCase = "missing_values@0.5%";

    /// <summary>Smallest acceptable detection rate of the missing-values case at sizes from <see cref="Evaluator.FullDetectionFromSize"/>.</summary>
    public const double MinDetectionRate = 0.95;

    /// <summary>Runs the three cases at every size: <see cref="EvaluationOptions.Trials"/> normal batches, <see cref="EvaluationOptions.DriftTrials"/> of each gap case.</summary>
    public static IReadOnlyList<DataQualityRate> Run(ReferenceProfile reference, EvaluationOptions options, IProgress<string>? progress = null)
    {
        (string Name, bool IsNull, double Share, int Trials)[] cases =
        [
            (Scenario.Normal.Name, true, 0, options.Trials),
            (MissingValuesCase, false, MissingShare, options.DriftTrials),
            (SmallGapCase, false, SmallGapShare, options.DriftTrials),
        ];
        var rates = new List<DataQualityRate>();
        foreach (var (name, isNull, share, trials) in cases)
        {
            foreach (var size in options.BatchSizes)
            {
                progress?.Report($"data quality: {name}, {size:N0} orders");
                var alarm = new bool[trials];
                var onFeature = new bool[trials];
                Parallel.For(0, trials, trial =>
                {
                    var seed = DriftEvaluation.TrialSeed(options.Seed, name, size, trial);
                    var batch = OrderGenerator.Generate(Scenario.Normal, size, seed);
                    if (share > 0)
                    {
                        batch = OrderGaps.Blank(batch, BlankedFeature, share, new RandomSource(RandomSource.DeriveSeed(seed, "gaps")));
                    }

                    var quality = DataQualityCheck.Compare(reference.Summary, DatasetSummary.Of(batch));
                    alarm[trial] = quality.Alarm;
                    onFeature[trial] = quality.Feature(BlankedFeature).Alarm;
                });

                rates.Add(new DataQualityRate(name, isNull, share, size, new Proportion(alarm.Count(a => a), trials), new Proportion(onFeature.Count(a => a), trials)));
            }
        }

        return rates;
    }

    /// <summary>
    /// The targets of the issue: <c>dataQualityDetection</c> — the missing-values case alarmed in at least 95% of batches
    /// of at least 500 orders; <c>dataQualityFalseAlarms</c> — at most 5% of normal batches alarm, at every size.
    /// None when the evaluation was not run.
    /// </summary>
    public static IReadOnlyList<TargetCheck> Targets(IReadOnlyList<DataQualityRate> rates)
    {
        if (rates.Count == 0)
        {
            return [];
        }

        var weakest = rates.Where(r => r.Case == MissingValuesCase && r.Size >= Evaluator.FullDetectionFromSize).MinBy(r => r.BlankedFeatureAlarms.Rate);
        var worstNull = rates.Where(r => r.IsNull).MaxBy(r => r.Alarms.Rate)!;
        return
        [
            new TargetCheck(
                "dataQualityDetection",
                $"{MissingValuesCase} ({MissingShare * 100:0}% of {BlankedFeature} blanked) detected by the data-quality alarm on that feature in ≥ {MinDetectionRate * 100:0}% of batches of ≥ {Evaluator.FullDetectionFromSize} orders",
                weakest is null || weakest.BlankedFeatureAlarms.Rate >= MinDetectionRate,
                weakest is null ? $"no batch size ≥ {Evaluator.FullDetectionFromSize} simulated" : $"lowest {weakest.BlankedFeatureAlarms.Rate * 100:0.0}% ({weakest.BlankedFeatureAlarms.Hits}/{weakest.BlankedFeatureAlarms.Trials}) at {weakest.Size:N0} orders"),
            new TargetCheck(
                "dataQualityFalseAlarms",
                $"data-quality false-alarm rate on normal batches ≤ {Evaluator.MaxFalsePositiveRate * 100:0}% at every batch size",
                worstNull.Alarms.Rate <= Evaluator.MaxFalsePositiveRate,
                $"highest {worstNull.Alarms.Rate * 100:0.0}% ({worstNull.Alarms.Hits}/{worstNull.Alarms.Trials}) at {worstNull.Size:N0} orders"),
        ];
    }
}
