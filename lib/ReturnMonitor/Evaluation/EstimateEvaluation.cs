using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// Measures the estimates that know their limits and the money estimate on labelled simulated batches: per case, the
/// error of CBPE, of the importance-weighted estimate and of the one the reliability rule reports, how often batches are
/// flagged unreliable, how often the band contains the realized value where they are not, and the expected return
/// cost against the realized one. Each trial has its own seed, so results do not depend on scheduling.
/// </summary>
public static class EstimateEvaluation
{
    /// <summary>Runs <paramref name="trials"/> labelled batches of <paramref name="size"/> orders per case.</summary>
    /// <param name="model">The model trained on the reference.</param>
    /// <param name="heldOut">Its labelled held-out orders (test split).</param>
    /// <param name="calibration">The calibration chosen on them.</param>
    /// <param name="reference">The reference (training) orders: support and the reference cost per order.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="costs">The cost model.</param>
    /// <param name="trials">Batches per case.</param>
    /// <param name="size">Orders per batch.</param>
    /// <param name="seed">Seed of the batches.</param>
    /// <param name="progress">Told each case as it starts; may be null.</param>
    public static (IReadOnlyList<EstimateQuality> Estimates, IReadOnlyList<CostAccuracy> Costs) Run(
        ReturnModel model,
        OrderTable heldOut,
        CalibrationSelection calibration,
        OrderTable reference,
        IReadOnlyList<EvaluationCase> cases,
        CostModel costs,
        int trials,
        int size,
        ulong seed,
        IProgress<string>? progress = null)
    {
        var estimation = EstimationReference.Fit(model, heldOut, calibration, DatasetSummary.Of(reference));
        var referenceCost = MoneyEstimator.RealizedCostPerOrder(costs, reference);
        var estimates = new List<EstimateQuality>();
        var costResults = new List<CostAccuracy>();
        foreach (var evaluationCase in cases)
        {
            progress?.Report($"estimates with limits and money: {evaluationCase.Name}");
            var outcomes = new Trial[trials];
            Parallel.For(0, trials, new ParallelOptions { MaxDegreeOfParallelism = 2 }, trial =>
            {
                var batch = OrderGenerator.Generate(evaluationCase.Scenario, size, DriftEvaluation.TrialSeed(seed, "estimates/" + evaluationCase.Name, size, trial));
                outcomes[trial] = RunTrial(model, calibration, estimation, costs, referenceCost, batch);
            });

            estimates.Add(Summarize(evaluationCase.Name, size, outcomes));
            costResults.Add(SummarizeCost(evaluationCase.Name, size, costs.Currency, referenceCost, outcomes));
        }

        return (estimates, costResults);
    }

    private static Trial RunTrial(ReturnModel model, CalibrationSelection calibration, EstimationReference estimation, CostModel costs, double referenceCost, OrderTable batch)
    {
        var scores = model.PredictProbabilities(batch);
        var probabilities = calibration.Calibrator.Apply(scores);
        var cbpe = PerformanceEstimator.Estimate(scores, probabilities, simulations: 100);
        var assessment = estimation.Assess(batch, scores, cbpe);
        var realized = ClassificationMetrics.Compute(batch.Returned, scores);
        var money = MoneyEstimator.Estimate(costs, estimation, batch, scores, probabilities, referenceCost, assessment: assessment);
        var accuracy = assessment[PerformanceMetric.Accuracy];
        var auc = assessment[PerformanceMetric.RocAuc];
        return new Trial(
            realized.Accuracy,
            accuracy.Cbpe,
            accuracy.ImportanceWeighted,
            accuracy.Value,
            accuracy.Covers(realized.Accuracy),
            double.IsFinite(realized.RocAuc) && auc.Covers(realized.RocAuc),
            assessment.Reliability.Reliable,
            assessment.Reliability.Method == EstimateMethod.ImportanceWeighted,
            assessment.Reliability.EffectiveSampleSize,
            assessment.Reliability.Support.ShareOutside,
            money.ReturnCost.ExpectedTotal,
            money.ReturnCost.RealizedTotal ?? double.NaN,
            money.ReturnCost.Covers == true,
            money.ReturnCost.ImportanceWeightedPerOrder ?? double.NaN,
            money.ReturnCost.ExtraPerOrder,
            money.Threshold.SavingPer1000,
            money.Threshold.BatchBestThreshold);
    }

    private static EstimateQuality Summarize(string name, int size, Trial[] outcomes)
    {
        var reliable = outcomes.Where(o => o.Reliable).ToArray();
        return new EstimateQuality(
            name,
            size,
            outcomes.Length,
            outcomes.Average(o => Math.Abs(o.Cbpe - o.RealizedAccuracy)),
            outcomes.Average(o => Math.Abs(o.ImportanceWeighted - o.RealizedAccuracy)),
            outcomes.Average(o => o.ImportanceWeighted - o.RealizedAccuracy),
            outcomes.Average(o => Math.Abs(o.Chosen - o.RealizedAccuracy)),
            reliable.Length > 0 ? reliable.Average(o => Math.Abs(o.Chosen - o.RealizedAccuracy)) : double.NaN,
            new Proportion(outcomes.Length - reliable.Length, outcomes.Length),
            new Proportion(reliable.Count(o => o.AccuracyCovered), reliable.Length),
            new Proportion(reliable.Count(o => o.RocAucCovered), reliable.Length),
            new Proportion(outcomes.Count(o => o.Weighted), outcomes.Length),
            outcomes.Average(o => o.EffectiveSampleSize),
            outcomes.Average(o => o.ShareOutside),
            outcomes.Average(o => o.RealizedAccuracy));
    }

    private static CostAccuracy SummarizeCost(string name, int size, string currency, double referenceCost, Trial[] outcomes)
    {
        var expected = outcomes.Average(o => o.ExpectedCost);
        var realized = outcomes.Average(o => o.RealizedCost);
        var realizedPerOrder = realized / size;
        return new CostAccuracy(
            name,
            size,
            outcomes.Length,
            currency,
            expected,
            realized,
            (expected - realized) / realized,
            new Proportion(outcomes.Count(o => o.CostCovered), outcomes.Length),
            (outcomes.Average(o => o.WeightedCostPerOrder) - realizedPerOrder) / realizedPerOrder,
            outcomes.Average(o => o.ExtraPerOrder),
            realizedPerOrder - referenceCost,
            outcomes.Average(o => o.SavingPer1000),
            outcomes.Average(o => o.BestThreshold));
    }

    private sealed record Trial(
        double RealizedAccuracy,
        double Cbpe,
        double ImportanceWeighted,
        double Chosen,
        bool AccuracyCovered,
        bool RocAucCovered,
        bool Reliable,
        bool Weighted,
        double EffectiveSampleSize,
        double ShareOutside,
        double ExpectedCost,
        double RealizedCost,
        bool CostCovered,
        double WeightedCostPerOrder,
        double ExtraPerOrder,
        double SavingPer1000,
        double BestThreshold);
}
