namespace ReturnMonitor.Modeling;

/// <summary>How a <see cref="ProbabilityCalibrator"/> maps the model's scores to probabilities.</summary>
public enum CalibrationMethod
{
    /// <summary>Scores are used as they are.</summary>
    Identity,

    /// <summary>Platt scaling: p = 1 / (1 + exp(A·logit(s) + B)), a logistic fit on the score's log-odds.</summary>
    Platt,

    /// <summary>Isotonic regression: the best non-decreasing step function of the score, interpolated linearly between its points.</summary>
    Isotonic,
}
