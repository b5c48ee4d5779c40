using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// Measures the drift decision by simulation: for every case (the null <c>normal</c>, each drift scenario, graded
/// shifts) and batch size, draws independent seeded batches from the generator, checks each against the reference and
/// counts alarms and per-feature flags; scores the flags against the generator's ground truth.
/// Trials run on all cores; each trial has its own seed, so the result does not depend on scheduling.
/// </summary>
public static class DriftEvaluation
{
    /// <summary>Population PSI below which a feature counts as unchanged (sampling noise of the 200,000-order truth samples is ~1e-4).</summary>
    public const double UnchangedPsi = 0.01;

    /// <summary>The cases evaluated: normal (null), every drift scenario (including joint_shift, which no single feature shows), and graded flash-sale shifts.</summary>
    public static IReadOnlyList<EvaluationCase> Cases(EvaluationOptions options)
    {
        var cases = new List<EvaluationCase> { new(Scenario.Normal, true, 0) };
        cases.AddRange(Scenario.Known.Where(s => s != Scenario.Baseline && s != Scenario.Normal).Select(s => new EvaluationCase(s, false, 1)));
        cases.AddRange(options.GradedMagnitudes.Select(m => new EvaluationCase(ScenarioBlend.Toward(Scenario.Baseline, Scenario.FlashSale, m), false, m)));
        return cases;
    }

    /// <summary>
    /// True per-feature shift of each case: PSI between <see cref="EvaluationOptions.TruthSampleSize"/> baseline orders
    /// and as many orders of the case (independent seeds), shifted when at least the moderate threshold.
    /// </summary>
    public static IReadOnlyList<FeatureTruth> GroundTruth(IReadOnlyList<EvaluationCase> cases, EvaluationOptions options)
    {
        var baseline = DatasetSummary.Of(OrderGenerator.Generate(Scenario.Baseline, options.TruthSampleSize, RandomSource.DeriveSeed(options.Seed, "truth/baseline")));
        var result = new FeatureTruth[cases.Count][];
        Parallel.For(0, cases.Count, i =>
        {
            var sample = DatasetSummary.Of(OrderGenerator.Generate(cases[i].Scenario, options.TruthSampleSize, RandomSource.DeriveSeed(options.Seed, "truth/" + cases[i].Name)));
            result[i] = OrderSchema.Features.Select(f =>
            {
                var psi = f.Kind == FeatureKind.Numeric
                    ? PopulationStabilityIndex.Numeric(baseline.Numeric[f.Name], sample.Numeric[f.Name])
                    : PopulationStabilityIndex.Categorical(baseline.Categorical[f.Name], sample.Categorical[f.Name]);
                return new FeatureTruth(cases[i].Name, f.Name, psi, psi >= options.DriftThresholds.ModeratePsi, psi < UnchangedPsi);
            }).ToArray();
        });
        return result.SelectMany(r => r).ToArray();
    }

    /// <summary>Runs every case at every size against a reference profile.</summary>
    /// <param name="reference">The reference (the simulated training data).</param>
    /// <param name="cases">The cases, e.g. from <see cref="Cases"/>.</param>
    /// <param name="options">Trials, sizes, seed and thresholds.</param>
    /// <param name="progress">Told the name of each case and size as it starts; may be null.</param>
    public static (IReadOnlyList<BatchAlarmRate> Alarms, IReadOnlyList<FeatureFlagRate> Flags) Run(
        ReferenceProfile reference, IReadOnlyList<EvaluationCase> cases, EvaluationOptions options, IProgress<string>? progress = null)
    {
        var alarms = new List<BatchAlarmRate>();
        var flags = new List<FeatureFlagRate>();
        var features = OrderSchema.Features;
        foreach (var evaluationCase in cases)
        {
            foreach (var size in options.BatchSizes)
            {
                progress?.Report($"{evaluationCase.Name}, {size:N0} orders");
                var trials = evaluationCase.IsNull ? options.Trials : options.DriftTrials;
                var status = new DriftStatus[trials];
                var flagged = new bool[trials, features.Count];
                Parallel.For(0, trials, trial =>
                {
                    var batch = OrderGenerator.Generate(evaluationCase.Scenario, size, TrialSeed(options.Seed, evaluationCase.Name, size, trial));
                    var report = reference.Compare(DatasetSummary.Of(batch), options.DriftThresholds);
                    status[trial] = report.Status;
                    for (var f = 0; f < features.Count; f++)
                    {
                        flagged[trial, f] = report.Features[f].Severity != DriftSeverity.None;
                    }
                });

                alarms.Add(new BatchAlarmRate(
                    evaluationCase.Name,
                    evaluationCase.IsNull,
                    evaluationCase.Magnitude,
                    size,
                    new Proportion(status.Count(s => s >= DriftStatus.Warning), trials),
                    new Proportion(status.Count(s => s == DriftStatus.Critical), trials)));
                for (var f = 0; f < features.Count; f++)
                {
                    long count = 0;
                    for (var trial = 0; trial < trials; trial++)
                    {
                        count += flagged[trial, f] ? 1 : 0;
                    }

                    flags.Add(new FeatureFlagRate(evaluationCase.Name, size, features[f].Name, new Proportion(count, trials)));
                }
            }
        }

        return (alarms, flags);
    }

    /// <summary>
    /// Per-feature precision and recall at each size, from the flag counts and the ground truth: flags on shifted features
    /// are true positives, flags on unchanged ones false positives; flags on minor shifts are not counted.
    /// </summary>
    public static IReadOnlyList<FeatureAccuracy> Score(IReadOnlyList<FeatureFlagRate> flags, IReadOnlyList<FeatureTruth> truth)
    {
        var truths = truth.ToDictionary(t => (t.Scenario, t.Feature));
        return flags
            .GroupBy(f => (f.Feature, f.Size))
            .Select(g =>
            {
                long tp = 0, fp = 0, fn = 0;
                foreach (var rate in g)
                {
                    var t = truths[(rate.Scenario, rate.Feature)];
                    if (t.Shifted)
                    {
                        tp += rate.Flags.Hits;
                        fn += rate.Flags.Trials - rate.Flags.Hits;
                    }
                    else if (t.Unchanged)
                    {
                        fp += rate.Flags.Hits;
                    }
                }

                return new FeatureAccuracy(g.Key.Feature, g.Key.Size, tp, fp, fn);
            })
            .ToArray();
    }

    /// <summary>The seed of one simulated batch: independent for every case, size and trial.</summary>
    public static ulong TrialSeed(ulong seed, string caseName, int size, int trial) =>
        RandomSource.DeriveSeed(seed, $"evaluate/{caseName}/{size}/{trial}");
}
