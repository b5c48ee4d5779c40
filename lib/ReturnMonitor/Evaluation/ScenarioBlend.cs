using ReturnMonitor.Data;

namespace ReturnMonitor.Evaluation;

/// <summary>Graded drift: scenarios part of the way from one scenario to another, for power curves.</summary>
public static class ScenarioBlend
{
    /// <summary>
    /// The scenario whose every parameter lies a fraction <paramref name="magnitude"/> of the way from
    /// <paramref name="from"/> to <paramref name="to"/> (category weights, probabilities, means, spreads and the
    /// wrong-item rate are interpolated linearly; weights stay a distribution). 0 gives <paramref name="from"/>'s
    /// parameters, 1 gives <paramref name="to"/>'s. Named <c>to@25%</c> for a magnitude of 0.25.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The magnitude is outside [0, 1].</exception>
    public static Scenario Toward(Scenario from, Scenario to, double magnitude)
    {
        if (!(magnitude >= 0 && magnitude <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(magnitude), magnitude, "a blend magnitude is a fraction in [0, 1]");
        }

        return ScenarioInterpolation.Between(from, to, magnitude, $"{to.Name}@{magnitude * 100:0.#}%", $"{magnitude * 100:0.#}% of the way from {from.Name} to {to.Name}");
    }
}
