using ReturnMonitor.Data;

namespace ReturnMonitor.Evaluation;

/// <summary>One simulated situation of the evaluation.</summary>
/// <param name="Scenario">The generator's parameters for the batches.</param>
/// <param name="IsNull">True for the no-drift case: every alarm on it is a false alarm.</param>
/// <param name="Magnitude">For graded cases, the fraction of the way from baseline to the target scenario; 1 for full scenarios, 0 for the null.</param>
public sealed record EvaluationCase(Scenario Scenario, bool IsNull, double Magnitude)
{
    /// <summary>The case's name, as in tables and JSON (the scenario's name).</summary>
    public string Name => Scenario.Name;
}
