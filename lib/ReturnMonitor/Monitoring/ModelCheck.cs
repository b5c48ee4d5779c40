using ReturnMonitor.Modeling;
using ReturnMonitor.Modeling.Scoring;

namespace ReturnMonitor.Monitoring;

/// <summary>What the model-aware checks found for one batch.</summary>
/// <param name="Reference">The model's metrics on the held-out reference orders (the test split), for comparison.</param>
/// <param name="Realized">The model's metrics on the batch, when it is labelled; else null.</param>
/// <param name="RealizedCalibration">Reliability of the calibrated probabilities on the batch, when labelled; else null.</param>
/// <param name="Estimated">The metrics estimated without labels (CBPE).</param>
/// <param name="Thresholds">Per metric, the alert thresholds for a batch of this size.</param>
/// <param name="Calibration">The calibration in use and why it was chosen.</param>
/// <param name="Prediction">Drift of the model's scores and predicted return rate.</param>
/// <param name="Multivariate">The domain classifier's verdict; null when no reference sample is available or it was not asked for.</param>
/// <param name="Scores">
/// The model's raw score of each order, in batch order: the one scoring of the batch that the realized metrics, the
/// estimate and the prediction drift all derive from.
/// </param>
/// <param name="Probabilities">The calibrated return probability of each order (the calibration applied to <paramref name="Scores"/>).</param>
public sealed record ModelCheck(
    ClassificationMetrics Reference,
    ClassificationMetrics? Realized,
    ReliabilityCurve? RealizedCalibration,
    EstimatedPerformance Estimated,
    IReadOnlyDictionary<PerformanceMetric, MetricThresholds> Thresholds,
    CalibrationSelection Calibration,
    PredictionDrift Prediction,
    MultivariateDrift? Multivariate,
    IReadOnlyList<double> Scores,
    IReadOnlyList<double> Probabilities)
{
    /// <summary>
    /// Why the model is no use, from its held-out metrics (<see cref="ModelUsefulness"/>): plain sentences for the JSON
    /// (<c>warnings</c>), the terminal, the dashboard and the demo summary; empty for a useful model. When not empty, no
    /// threshold advice is given.
    /// </summary>
    public IReadOnlyList<string> Warnings => ModelUsefulness.Warnings(Reference, DecisionThreshold);

    /// <summary>The score from which an order counts as predicted returned in every metric of this check.</summary>
    public double DecisionThreshold { get; init; } = ScoreRules.DefaultThreshold;

    /// <summary>What produced the scores (<see cref="IScoreSource.Description"/>): <c>model</c> for our own model.</summary>
    public string ScoreSource { get; init; } = "model";

    /// <summary>The calibration of the scores measured on the held-out (reference) orders; null for a check built elsewhere.</summary>
    public ScoreCalibration? ScoreCalibration { get; init; }
    /// <summary>
    /// How far the label-free estimates can be trusted on this batch: per metric the CBPE and importance-weighted
    /// estimates with the chosen one and its widened band, and the reliability verdict (support, density ratio,
    /// effective sample size) with its reason. Filled by <see cref="BatchMonitor"/>; null when it could not be
    /// assessed — then <see cref="AssessmentSkipped"/> says why.
    /// </summary>
    public PerformanceAssessment? Assessment { get; init; }

    /// <summary>Why <see cref="Assessment"/> is null (e.g. a model folder without <c>held-out.csv</c>); null when it was assessed.</summary>
    public string? AssessmentSkipped { get; init; }

    /// <summary>
    /// The alerts, per metric in <see cref="PerformanceMetrics.All"/> order: "estimated m" when the estimate falls outside
    /// the thresholds, "realized m" when the realized value (labelled batches) does.
    /// </summary>
    public IReadOnlyList<string> Alerts => PerformanceMetrics.All.SelectMany(metric => new[]
        {
            Thresholds[metric].Breached(Estimated[metric]) ? $"estimated {metric.JsonName()}" : null,
            RealizedBreaches(metric) ? $"realized {metric.JsonName()}" : null,
        })
        .OfType<string>()
        .ToArray();

    /// <summary>Whether the metric's estimate or realized value falls outside its thresholds.</summary>
    public bool IsAlerting(PerformanceMetric metric) => Thresholds[metric].Breached(Estimated[metric]) || RealizedBreaches(metric);

    private bool RealizedBreaches(PerformanceMetric metric) =>
        Realized is not null && double.IsFinite(metric.Of(Realized)) && Thresholds[metric].Breached(metric.Of(Realized));
}
