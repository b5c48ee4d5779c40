using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Monitoring.Estimation;

/// <summary>The estimates with known limits end to end, on a model trained on simulated baseline orders.</summary>
public class EstimationReferenceTests
{
    private static readonly Lazy<(ReturnModel Model, OrderTable Training, OrderTable HeldOut, CalibrationSelection Calibration, EstimationReference Reference)> Fitted = new(() =>
    {
        var training = OrderGenerator.Generate(Scenario.Baseline, 4000, 11);
        var (model, _, test) = ModelTrainer.TrainAndEvaluate(training, new ReturnModelOptions(Trees: 50), importanceRepeats: 1);
        var calibration = CalibrationSelection.Choose(test.Returned, model.PredictProbabilities(test));
        return (model, training, test, calibration, EstimationReference.Fit(model, test, calibration, DatasetSummary.Of(training)));
    });

    [Fact]
    public void A_normal_batch_is_reliable_and_its_cbpe_band_adds_the_calibration_uncertainty()
    {
        var (model, training, _, calibration, reference) = Fitted.Value;
        var batch = OrderGenerator.Generate(Scenario.Normal, 1000, 12);
        var scores = model.PredictProbabilities(batch);
        var probabilities = calibration.Calibrator.Apply(scores);
        var cbpe = PerformanceEstimator.Estimate(scores, probabilities);
        var assessment = reference.Assess(batch, scores, cbpe);

        Assert.True(assessment.Reliability.Reliable, assessment.Reliability.Reason);
        Assert.False(assessment.Reliability.ShiftDetected);
        Assert.Equal(EstimateMethod.Cbpe, assessment.Reliability.Method);
        Assert.True(assessment.Reliability.Support.ShareOutside < 0.02);
        // Under no shift the weights stay near 1: most held-out orders count.
        Assert.True(assessment.Reliability.EffectiveSampleSize > 0.5 * reference.HeldOut.Count, $"ESS {assessment.Reliability.EffectiveSampleSize}");
        foreach (var metric in PerformanceMetrics.All)
        {
            var estimate = assessment[metric];
            Assert.Equal(cbpe[metric], estimate.Value);
            Assert.Equal(cbpe.Bands[metric].StandardError, estimate.SamplingStandardError);
            Assert.True(estimate.CalibrationStandardError > 0);
            Assert.Equal(Math.Sqrt(Math.Pow(estimate.SamplingStandardError, 2) + Math.Pow(estimate.CalibrationStandardError, 2) + Math.Pow(estimate.CalibrationBias, 2)), estimate.StandardError, 12);
            Assert.True(estimate.Lower <= estimate.Value && estimate.Value <= estimate.Upper);
        }

        // One batch is one draw (coverage is measured by the evaluation); the estimate must still be close.
        var realized = ClassificationMetrics.Compute(batch.Returned, scores);
        Assert.InRange(assessment[PerformanceMetric.Accuracy].Value - realized.Accuracy, -0.05, 0.05);

        var money = MoneyEstimator.Estimate(CostModel.Default, reference, batch, scores, probabilities, MoneyEstimator.RealizedCostPerOrder(CostModel.Default, training), assessment: assessment);
        Assert.True(money.ReturnCost.CalibrationStandardError > 0);
        Assert.InRange(money.ReturnCost.ExpectedTotal / money.ReturnCost.RealizedTotal!.Value, 0.75, 1.25);
        Assert.True(money.ReturnCost.Upper - money.ReturnCost.Lower > 2 * 1.96 * money.ReturnCost.SamplingStandardError);
        Assert.NotNull(money.ReturnCost.ImportanceWeightedPerOrder);
        Assert.InRange(money.ReturnCost.ExtraPerOrder, -1.5, 1.5);
        Assert.NotNull(money.Decisions.RealizedNet);
    }

    [Fact]
    public void A_flash_sale_is_flagged_unreliable_and_costs_extra()
    {
        var (model, training, _, calibration, reference) = Fitted.Value;
        var batch = OrderGenerator.Generate(Scenario.FlashSale, 1000, 13);
        var scores = model.PredictProbabilities(batch);
        var probabilities = calibration.Calibrator.Apply(scores);
        var assessment = reference.Assess(batch, scores, PerformanceEstimator.Estimate(scores, probabilities, simulations: 50));

        Assert.False(assessment.Reliability.Reliable);
        Assert.True(assessment.Reliability.ShiftDetected);
        Assert.True(assessment.Reliability.DomainRocAuc > 0.9);
        // Too few effective held-out orders for the weighted calibration: CBPE is reported, the weighted value beside it.
        Assert.Equal(EstimateMethod.Cbpe, assessment.Reliability.Method);
        Assert.Equal(assessment[PerformanceMetric.Accuracy].Cbpe, assessment[PerformanceMetric.Accuracy].Value);
        Assert.Contains("outside the reference's range", assessment.Reliability.Reason);
        Assert.True(assessment.Reliability.Support.OutsidePerFeature[OrderSchema.DeliveryTimeDays] > 0);
        Assert.True(assessment.Reliability.EffectiveSampleSize < 0.2 * reference.HeldOut.Count);

        var money = MoneyEstimator.Estimate(CostModel.Default, reference, batch, scores, probabilities, MoneyEstimator.RealizedCostPerOrder(CostModel.Default, training));
        // The sale's expected return rate is far above normal, so is its cost per order.
        Assert.True(money.ReturnCost.ExtraPerOrder > 0.5, $"extra {money.ReturnCost.ExtraPerOrder}");
        Assert.True(money.ReturnCost.RealizedTotal > money.ReturnCost.ExpectedTotal);
    }

    [Fact]
    public void Domain_probabilities_give_the_classifier_auc_and_one_probability_per_row()
    {
        var (_, _, heldOut, _, _) = Fitted.Value;
        var batch = OrderGenerator.Generate(Scenario.JointShift, 600, 14);
        var classifier = new DomainClassifier { ExplainDrivers = false };
        var result = classifier.Probabilities(heldOut, batch);
        Assert.Equal(heldOut.Count, result.Reference.Count);
        Assert.Equal(batch.Count, result.Current.Count);
        Assert.All(result.Reference.Concat(result.Current), q => Assert.InRange(q, 0, 1));
        var labels = Enumerable.Repeat(false, heldOut.Count).Concat(Enumerable.Repeat(true, batch.Count)).ToArray();
        Assert.Equal(ClassificationMetrics.ComputeRocAuc(labels, result.Reference.Concat(result.Current).ToArray()), result.RocAuc, 12);
        Assert.True(result.Shifted, $"joint shift AUC {result.RocAuc}");
    }

    [Fact]
    public void Held_out_orders_round_trip_through_the_model_folder()
    {
        var (_, _, heldOut, _, _) = Fitted.Value;
        var directory = Path.Combine(Path.GetTempPath(), "returnmonitor-held-out-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Null(HeldOutOrders.Load(directory));
            HeldOutOrders.Save(directory, heldOut);
            var loaded = HeldOutOrders.Load(directory)!;
            Assert.Equal(heldOut.Count, loaded.Count);
            Assert.Equal(heldOut.Returned.ToArray(), loaded.Returned.ToArray());
            Assert.Equal(heldOut.Numeric(OrderSchema.ProductPrice).ToArray(), loaded.Numeric(OrderSchema.ProductPrice).ToArray());
            Assert.Throws<ArgumentException>(() => HeldOutOrders.Save(directory, Unlabelled()));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static OrderTable Unlabelled() => OrderTable.FromRows("u", [new Order(10, 0, 4, 2, 0, 0, 3, "Beauty", "NA", null)]);
}
