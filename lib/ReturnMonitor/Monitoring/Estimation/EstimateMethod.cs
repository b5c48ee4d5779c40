namespace ReturnMonitor.Monitoring;

/// <summary>Which label-free estimator a reported metric comes from.</summary>
public enum EstimateMethod
{
    /// <summary>Confidence-based performance estimation: calibrated probabilities of the batch's own orders.</summary>
    Cbpe,

    /// <summary>Labelled held-out orders reweighted by the density ratio p_batch/p_reference.</summary>
    ImportanceWeighted,
}
