using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Evaluation;

/// <summary>What the evaluation simulates. Defaults are the ones the table in docs/evaluation.md was produced with.</summary>
/// <param name="Trials">Normal (no-drift) batches simulated per batch size: the false-positive rate needs many to resolve 5%.</param>
/// <param name="Sizes">Batch sizes, in orders.</param>
/// <param name="ReferenceSize">Orders in the simulated training data (the reference), as in the demo.</param>
/// <param name="Seed">Seed of everything simulated.</param>
/// <param name="Magnitudes">Graded flash-sale shifts: fractions of the way from baseline to flash_sale.</param>
/// <param name="Drift">The drift decision's thresholds.</param>
/// <param name="TruthSampleSize">Orders per side when measuring the generator's true per-feature shift.</param>
/// <param name="DriftTrials">Batches simulated per drifted case and batch size (detection rates near 100% need fewer).</param>
/// <param name="PerformanceTrials">Labelled batches per case for the CBPE error (model scoring is the costly part).</param>
/// <param name="PerformanceSize">Orders per batch for the CBPE error.</param>
/// <param name="MultivariateTrials">Batches per case for the domain classifier (a few seconds each); 0 to skip.</param>
/// <param name="MultivariateSize">Orders per batch for the domain classifier.</param>
public sealed record EvaluationOptions(
    int Trials = 1000,
    IReadOnlyList<int>? Sizes = null,
    int ReferenceSize = 5000,
    ulong Seed = OrderGenerator.DefaultSeed,
    IReadOnlyList<double>? Magnitudes = null,
    DriftOptions? Drift = null,
    int TruthSampleSize = 200_000,
    int DriftTrials = 200,
    int PerformanceTrials = 50,
    int PerformanceSize = 1000,
    int MultivariateTrials = 20,
    int MultivariateSize = 1000)
{
    /// <summary>The batch sizes of the issue and docs/evaluation.md: 100, 500, 1,000, 5,000 and 20,000 orders.</summary>
    public static IReadOnlyList<int> DefaultSizes { get; } = [100, 500, 1000, 5000, 20000];

    /// <summary>Graded shifts by default: 10%, 20% and 30% of the way to the flash sale.</summary>
    public static IReadOnlyList<double> DefaultMagnitudes { get; } = [0.1, 0.2, 0.3];

    /// <summary>
    /// Labelled batches of <see cref="PerformanceSize"/> orders per case and reference for the estimates with known
    /// limits and the money estimate (<see cref="EstimateEvaluation"/>: a domain classifier per batch, a fraction of a
    /// second each); 0 to skip. Runs with the performance evaluation (needs <see cref="PerformanceTrials"/> &gt; 0).
    /// </summary>
    public int EstimateTrials { get; init; } = 10;

    /// <summary>
    /// Independently drawn references (training data, model, held-out orders, calibration) for the estimate evaluation:
    /// the calibration's error is shared by every batch of one reference, so the method is judged over several.
    /// </summary>
    public int EstimateReferences { get; init; } = 10;

    /// <summary>The cost model of the money evaluation; <see cref="CostModel.Default"/> when null.</summary>
    public CostModel? Costs { get; init; }

    /// <summary>The batch sizes in use.</summary>
    public IReadOnlyList<int> BatchSizes => Sizes ?? DefaultSizes;

    /// <summary>The graded magnitudes in use.</summary>
    public IReadOnlyList<double> GradedMagnitudes => Magnitudes ?? DefaultMagnitudes;

    /// <summary>The drift thresholds in use.</summary>
    public DriftOptions DriftThresholds => Drift ?? DriftOptions.Default;
}
