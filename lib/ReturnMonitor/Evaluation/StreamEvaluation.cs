using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// Monitoring over time, measured by simulation: weekly streams of batches, each stream against its own freshly drawn
/// reference, checked by the per-batch decision (status warning or critical) and by the CUSUM on drift evidence.
/// The CUSUM is calibrated first, on clean batches against independent references. Then: clean streams give the
/// false alarms of both; drift cases (clean until the onset, drifted after) give the detection delay of both.
/// </summary>
public static class StreamEvaluation
{
    /// <summary>The drift cases: name, description and the scenario of the k-th period after the onset (k = 0, 1, …).</summary>
    public static IReadOnlyList<(string Name, string Description, Func<int, Scenario> Scenario)> Cases { get; } =
    [
        ("flash_sale", "one week of the full flash sale, then ordinary weeks", k => k == 0 ? Scenario.FlashSale : Scenario.Normal),
        ("supply_crisis_building", "a supply crisis at 1/3, 2/3, then the full crisis from the third week on",
            k => k >= 2 ? Scenario.SupplyCrisis : Blend(Scenario.SupplyCrisis, (k + 1) / 3.0)),
        ("small_shift", "a persistent small shift: every week 10% of the way to the flash sale", _ => Blend(Scenario.FlashSale, 0.1)),
        ("slow_drift", "a slow seasonal drift: 1/12 of the way to peak season more each week", k => Blend(WeeklyStream.PeakSeason, Math.Min(1, (k + 1) / 12.0))),
    ];

    /// <summary>Runs the evaluation.</summary>
    public static StreamEvaluationReport Run(StreamEvaluationOptions options, IProgress<string>? progress = null)
    {
        progress?.Report("calibrating the sequential detector on clean batches");
        var calibration = Calibrate(options);
        var detector = calibration.Detector;

        progress?.Report($"clean streams ({options.CleanStreams} × {options.CleanPeriods} periods)");
        var perBatch = new long[options.CleanStreams];
        var sequential = new long[options.CleanStreams];
        Parallel.For(0, options.CleanStreams, s =>
        {
            var run = RunStream(options, detector, $"clean/{s}", options.CleanPeriods, _ => Scenario.Normal);
            perBatch[s] = run.PerBatch.Count(a => a);
            sequential[s] = run.Sequential.Count(a => a);
        });
        var clean = new FalseAlarmCount((long)options.CleanStreams * options.CleanPeriods, perBatch.Sum(), sequential.Sum());

        var cases = new List<StreamCaseResult>();
        foreach (var (name, description, scenarioAfterOnset) in Cases)
        {
            progress?.Report($"{name} ({options.DriftStreams} streams)");
            var perBatchDelay = new int?[options.DriftStreams];
            var sequentialDelay = new int?[options.DriftStreams];
            var perBatchFalse = new int[options.DriftStreams];
            var sequentialFalse = new int[options.DriftStreams];
            Parallel.For(0, options.DriftStreams, s =>
            {
                var run = RunStream(options, detector, $"{name}/{s}", options.Onset + options.Horizon,
                    t => t < options.Onset ? Scenario.Normal : scenarioAfterOnset(t - options.Onset));
                (perBatchDelay[s], perBatchFalse[s]) = Delay(run.PerBatch, options.Onset);
                (sequentialDelay[s], sequentialFalse[s]) = Delay(run.Sequential, options.Onset);
            });
            cases.Add(new StreamCaseResult(name, description, DetectionDelay.Of(perBatchDelay, perBatchFalse.Sum()), DetectionDelay.Of(sequentialDelay, sequentialFalse.Sum())));
        }

        return new StreamEvaluationReport(options, calibration, clean, cases);
    }

    /// <summary>
    /// The CUSUM calibration from the generator: <see cref="StreamEvaluationOptions.CalibrationReferences"/> references of
    /// baseline orders, each compared with <see cref="StreamEvaluationOptions.CalibrationBatches"/> normal batches (only their
    /// summed PSI is computed, <see cref="DriftEvidence.Of(ReferenceProfile, DatasetSummary)"/>: the same numbers as full
    /// comparisons, without the KS p-values that were most of the time).
    /// </summary>
    public static SequentialCalibration Calibrate(StreamEvaluationOptions options)
    {
        var groups = new IReadOnlyList<double>[options.CalibrationReferences];
        Parallel.For(0, options.CalibrationReferences, r =>
        {
            var profile = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, options.ReferenceSize, RandomSource.DeriveSeed(options.Seed, $"calibration/reference/{r}")));
            groups[r] = Enumerable.Range(0, options.CalibrationBatches)
                .Select(b => DriftEvidence.Of(
                    profile,
                    DatasetSummary.Of(OrderGenerator.Generate(Scenario.Normal, options.BatchSize, RandomSource.DeriveSeed(options.Seed, $"calibration/{r}/{b}")))))
                .ToArray();
        });
        return CusumCalibration.Calibrate(groups, options.BatchSize, options.Slack, options.TargetArl, seed: RandomSource.DeriveSeed(options.Seed, "calibration/streams"));
    }

    private static Scenario Blend(Scenario target, double fraction) =>
        ScenarioInterpolation.Between(Scenario.Normal, target, fraction, $"{target.Name}@{fraction * 100:0.#}%", $"{fraction * 100:0.#}% of the way to {target.Name}");

    private static (bool[] PerBatch, bool[] Sequential) RunStream(StreamEvaluationOptions options, CusumDetector detector, string key, int periods, Func<int, Scenario> scenarioAt)
    {
        var profile = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, options.ReferenceSize, RandomSource.DeriveSeed(options.Seed, $"stream/{key}/reference")));
        var perBatch = new bool[periods];
        var sequential = new bool[periods];
        var statistic = 0.0;
        for (var t = 0; t < periods; t++)
        {
            var batch = OrderGenerator.Generate(scenarioAt(t), options.BatchSize, RandomSource.DeriveSeed(options.Seed, $"stream/{key}/{t}"));
            var report = profile.Compare(DatasetSummary.Of(batch), options.DriftThresholds);
            perBatch[t] = report.Status >= DriftStatus.Warning;
            var step = detector.Step(statistic, DriftEvidence.Of(report));
            sequential[t] = step.Alarm;
            statistic = step.Statistic;
        }

        return (perBatch, sequential);
    }

    private static (int? Delay, int FalseAlarms) Delay(bool[] alarms, int onset)
    {
        var falseAlarms = alarms.Take(onset).Count(a => a);
        for (var t = onset; t < alarms.Length; t++)
        {
            if (alarms[t])
            {
                return (t - onset, falseAlarms);
            }
        }

        return (null, falseAlarms);
    }
}
