namespace ReturnMonitor.Evaluation;

/// <summary>Expected return cost (label-free) against the realized cost on labelled simulated batches of one case.</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Trials">Batches simulated.</param>
/// <param name="Currency">Money unit of the cost model.</param>
/// <param name="MeanExpected">Mean expected return cost per batch (Σ p·c).</param>
/// <param name="MeanRealized">Mean realized return cost per batch (Σ y·c).</param>
/// <param name="RelativeBias">(MeanExpected − MeanRealized) / MeanRealized.</param>
/// <param name="BandCoverage">Batches whose realized cost lies inside the expected cost's 95% band.</param>
/// <param name="ImportanceWeightedRelativeBias">Relative bias of the importance-weighted cost per order against the realized cost per order.</param>
/// <param name="MeanExtraPerOrder">Mean expected extra cost per order vs the reference's realized cost per order.</param>
/// <param name="MeanRealizedExtraPerOrder">Mean realized extra cost per order vs each batch's own reference.</param>
/// <param name="MeanSavingPer1000">Mean expected saving per 1,000 orders of moving to the batch's best threshold.</param>
/// <param name="MeanBatchBestThreshold">Mean best threshold on the batch.</param>
public sealed record CostAccuracy(
    string Scenario,
    int Size,
    int Trials,
    string Currency,
    double MeanExpected,
    double MeanRealized,
    double RelativeBias,
    Proportion BandCoverage,
    double ImportanceWeightedRelativeBias,
    double MeanExtraPerOrder,
    double MeanRealizedExtraPerOrder,
    double MeanSavingPer1000,
    double MeanBatchBestThreshold)
{
    /// <summary>Independently drawn references the batches were spread over.</summary>
    public int References { get; init; } = 1;

    /// <summary>Standard error of <see cref="RelativeBias"/> from the spread of the per-reference biases; NaN with one reference.</summary>
    public double RelativeBiasStandardError { get; init; } = double.NaN;
}
