using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Evaluation;

/// <summary>The stream evaluation: the sequential detector's calibration, false alarms on clean streams, delays per drift case.</summary>
/// <param name="Options">What was simulated.</param>
/// <param name="Calibration">The CUSUM calibration (from clean batches against independent references).</param>
/// <param name="Clean">False alarms of both detectors on the clean streams.</param>
/// <param name="Cases">Detection delay of both detectors per drift case.</param>
public sealed record StreamEvaluationReport(
    StreamEvaluationOptions Options,
    SequentialCalibration Calibration,
    FalseAlarmCount Clean,
    IReadOnlyList<StreamCaseResult> Cases);
