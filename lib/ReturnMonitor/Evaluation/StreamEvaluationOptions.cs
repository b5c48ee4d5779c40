using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Evaluation;

/// <summary>What the stream evaluation simulates. Every stream has its own freshly drawn reference (training data).</summary>
/// <param name="BatchSize">Orders per weekly batch (as in the demo).</param>
/// <param name="ReferenceSize">Orders in each simulated reference (as in the demo).</param>
/// <param name="CalibrationReferences">References used to calibrate the sequential detector (independent of the evaluated streams).</param>
/// <param name="CalibrationBatches">Clean batches per calibration reference.</param>
/// <param name="CleanStreams">Clean streams (each with its own reference) for the false-alarm count.</param>
/// <param name="CleanPeriods">Periods per clean stream.</param>
/// <param name="DriftStreams">Streams per drift case.</param>
/// <param name="Onset">Index of the first drifted period in a drift case (periods before it are clean).</param>
/// <param name="Horizon">Periods simulated from the onset; a detector silent until then missed.</param>
/// <param name="Slack">CUSUM slack k, in σ₀.</param>
/// <param name="TargetArl">Target mean time between false alarms of the sequential detector, periods.</param>
/// <param name="Seed">Seed of everything simulated.</param>
/// <param name="Drift">Thresholds of the per-batch decision.</param>
public sealed record StreamEvaluationOptions(
    int BatchSize = 1000,
    int ReferenceSize = 5000,
    int CalibrationReferences = 40,
    int CalibrationBatches = 50,
    int CleanStreams = 10,
    int CleanPeriods = 500,
    int DriftStreams = 40,
    int Onset = 8,
    int Horizon = 20,
    double Slack = CusumCalibration.DefaultSlack,
    double TargetArl = CusumCalibration.DefaultTargetArl,
    ulong Seed = OrderGenerator.DefaultSeed,
    DriftOptions? Drift = null)
{
    /// <summary>The per-batch thresholds in use.</summary>
    public DriftOptions DriftThresholds => Drift ?? DriftOptions.Default;
}
