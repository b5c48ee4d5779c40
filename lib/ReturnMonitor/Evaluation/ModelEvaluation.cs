using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Evaluation;

/// <summary>The model-aware part of the evaluation: CBPE error against realized metrics, and the domain classifier's alarm rates.</summary>
public static class ModelEvaluation
{
    /// <summary>Estimated vs realized ROC-AUC and accuracy on labelled simulated batches of every case.</summary>
    public static IReadOnlyList<PerformanceError> Performance(ModelMonitor monitor, IReadOnlyList<EvaluationCase> cases, EvaluationOptions options)
    {
        var result = new List<PerformanceError>();
        foreach (var evaluationCase in cases)
        {
            double aucError = 0, accuracyError = 0, bias = 0, realizedAccuracy = 0;
            for (var trial = 0; trial < options.PerformanceTrials; trial++)
            {
                var batch = OrderGenerator.Generate(evaluationCase.Scenario, options.PerformanceSize, DriftEvaluation.TrialSeed(options.Seed, "performance/" + evaluationCase.Name, options.PerformanceSize, trial));
                var scores = monitor.ScoreSource.Score(batch, null);
                var estimate = PerformanceEstimator.Estimate(scores, monitor.Calibration.Calibrator.Apply(scores), simulations: 0);
                var realized = ClassificationMetrics.Compute(batch.Returned, scores);
                aucError += Math.Abs(estimate[PerformanceMetric.RocAuc] - realized.RocAuc);
                accuracyError += Math.Abs(estimate[PerformanceMetric.Accuracy] - realized.Accuracy);
                bias += estimate[PerformanceMetric.Accuracy] - realized.Accuracy;
                realizedAccuracy += realized.Accuracy;
            }

            var n = options.PerformanceTrials;
            result.Add(new PerformanceError(evaluationCase.Name, options.PerformanceSize, n, aucError / n, accuracyError / n, bias / n, realizedAccuracy / n));
        }

        return result;
    }

    /// <summary>Domain-classifier alarms on the null case and the joint shift (what per-feature tests cannot see).</summary>
    public static IReadOnlyList<MultivariateRate> Multivariate(OrderTable reference, ReferenceProfile profile, IReadOnlyList<EvaluationCase> cases, EvaluationOptions options)
    {
        var result = new List<MultivariateRate>();
        var classifier = new DomainClassifier { ExplainDrivers = false };
        foreach (var evaluationCase in cases.Where(c => c.IsNull || c.Scenario.CouplesDiscountAndDelivery))
        {
            var alarms = new bool[options.MultivariateTrials];
            var perFeature = new bool[options.MultivariateTrials];
            var auc = new double[options.MultivariateTrials];
            Parallel.For(0, options.MultivariateTrials, trial =>
            {
                var batch = OrderGenerator.Generate(evaluationCase.Scenario, options.MultivariateSize, DriftEvaluation.TrialSeed(options.Seed, "multivariate/" + evaluationCase.Name, options.MultivariateSize, trial));
                var verdict = classifier.Compare(reference, batch);
                alarms[trial] = verdict.Drifted;
                auc[trial] = verdict.RocAuc;
                perFeature[trial] = profile.Compare(DatasetSummary.Of(batch), options.DriftThresholds).Status >= DriftStatus.Warning;
            });

            result.Add(new MultivariateRate(
                evaluationCase.Name,
                options.MultivariateSize,
                new Proportion(alarms.Count(a => a), alarms.Length),
                new Proportion(perFeature.Count(a => a), perFeature.Length),
                auc.Length > 0 ? auc.Average() : double.NaN));
        }

        return result;
    }
}
