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
/// <para>The batches are spread over several independently drawn references (training data, model, held-out orders,
/// calibration): a label-free estimate inherits the error of the calibration it was fitted with — with 1,000 held-out
/// orders the held-out return rate alone is off by about 7% (relative standard error) — and that error is shared by
/// every batch checked against the same reference. One reference would measure its own luck; many measure the method,
/// and whether the band (which includes the calibration's bootstrap uncertainty) covers it.</para>
/// </summary>
public static class EstimateEvaluation
{
    /// <summary>One reference the batches are checked against: a model trained on it, its held-out orders and calibration.</summary>
    /// <param name="Model">The model trained on the reference.</param>
    /// <param name="HeldOut">Its labelled held-out orders (test split).</param>
    /// <param name="Calibration">The calibration chosen on them.</param>
    /// <param name="Orders">The reference (training) orders: support and the reference cost per order.</param>
    public sealed record FittedReference(ReturnModel Model, OrderTable HeldOut, CalibrationSelection Calibration, OrderTable Orders);

    /// <summary>Draws reference <paramref name="index"/> (≥ 1; reference 0 is the evaluation's own) and fits a model and calibration on it.</summary>
    public static FittedReference FitReference(EvaluationOptions options, int index)
    {
        var orders = OrderGenerator.Generate(Scenario.Baseline, options.ReferenceSize, RandomSource.DeriveSeed(options.Seed, $"estimates/reference/{index}"));
        var (model, _, test) = ModelTrainer.TrainAndEvaluate(orders, importanceRepeats: 1);
        return new FittedReference(model, test, ModelMonitor.Fit(model, test, orders).Calibration, orders);
    }

    /// <summary>Runs <paramref name="trials"/> labelled batches of <paramref name="size"/> orders per case and reference.</summary>
    /// <param name="references">The references; batches are drawn independently for each.</param>
    /// <param name="cases">The cases.</param>
    /// <param name="costs">The cost model.</param>
    /// <param name="trials">Batches per case and reference.</param>
    /// <param name="size">Orders per batch.</param>
    /// <param name="seed">Seed of the batches.</param>
    /// <param name="progress">Told each case as it starts; may be null.</param>
    public static (IReadOnlyList<EstimateQuality> Estimates, IReadOnlyList<CostAccuracy> Costs) Run(
        IReadOnlyList<FittedReference> references,
        IReadOnlyList<EvaluationCase> cases,
        CostModel costs,
        int trials,
        int size,
        ulong seed,
        IProgress<string>? progress = null)
    {
        var fitted = references.Select(r => (
            Estimation: EstimationReference.Fit(r.Model, r.HeldOut, r.Calibration, DatasetSummary.Of(r.Orders)),
            ReferenceCost: MoneyEstimator.RealizedCostPerOrder(costs, r.Orders))).ToArray();
        var estimates = new List<EstimateQuality>();
        var costResults = new List<CostAccuracy>();
        foreach (var evaluationCase in cases)
        {
            progress?.Report($"estimates with limits and money: {evaluationCase.Name}");
            var outcomes = new Trial[references.Count * trials];
            Parallel.For(0, outcomes.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, index =>
            {
                var (r, trial) = Math.DivRem(index, trials);
                var name = r == 0 ? "estimates/" + evaluationCase.Name : $"estimates/{evaluationCase.Name}/reference-{r}";
                var batch = OrderGenerator.Generate(evaluationCase.Scenario, size, DriftEvaluation.TrialSeed(seed, name, size, trial));
                outcomes[index] = RunTrial(references[r], fitted[r].Estimation, costs, fitted[r].ReferenceCost, batch, r);
            });

            estimates.Add(Summarize(evaluationCase.Name, size, references.Count, outcomes));
            costResults.Add(SummarizeCost(evaluationCase.Name, size, references.Count, costs.Currency, outcomes));
        }

        return (estimates, costResults);
    }

    private static Trial RunTrial(FittedReference reference, EstimationReference estimation, CostModel costs, double referenceCost, OrderTable batch, int referenceIndex)
    {
        var scores = reference.Model.PredictProbabilities(batch);
        var probabilities = reference.Calibration.Calibrator.Apply(scores);
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
            money.Threshold.BatchBestThreshold,
            referenceCost,
            referenceIndex);
    }

    private static EstimateQuality Summarize(string name, int size, int references, Trial[] outcomes)
    {
        var reliable = outcomes.Where(o => o.Reliable).ToArray();
        return new EstimateQuality(
            name,
            size,
            outcomes.Length,
            references,
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

    private static CostAccuracy SummarizeCost(string name, int size, int references, string currency, Trial[] outcomes)
    {
        var expected = outcomes.Average(o => o.ExpectedCost);
        var realized = outcomes.Average(o => o.RealizedCost);
        var realizedPerOrder = realized / size;
        // The bias's standard error comes from the spread between references (the calibration error they do not share).
        var perReference = outcomes.GroupBy(o => o.Reference)
            .Select(g => (g.Average(o => o.ExpectedCost) - g.Average(o => o.RealizedCost)) / g.Average(o => o.RealizedCost))
            .ToArray();
        var biasError = perReference.Length > 1 ? ImportanceWeightedEstimator.StandardDeviation(perReference) / Math.Sqrt(perReference.Length) : double.NaN;
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
            outcomes.Average(o => o.RealizedCost / size - o.ReferenceCostPerOrder),
            outcomes.Average(o => o.SavingPer1000),
            outcomes.Average(o => o.BestThreshold))
        {
            References = references,
            RelativeBiasStandardError = biasError,
        };
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
        double BestThreshold,
        double ReferenceCostPerOrder,
        int Reference);
}
