namespace ReturnMonitor.Data;

/// <summary>Scenarios part of the way from one scenario to another: graded shifts, ramps and recoveries.</summary>
public static class ScenarioInterpolation
{
    /// <summary>
    /// The scenario whose every parameter lies a fraction <paramref name="fraction"/> of the way from
    /// <paramref name="from"/> to <paramref name="to"/> (category weights, probabilities, means, spreads and the
    /// wrong-item rate linearly; weights stay a distribution). 0 gives <paramref name="from"/>'s parameters, 1
    /// gives <paramref name="to"/>'s. The discount–delivery coupling is not interpolated (off).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1].</exception>
    public static Scenario Between(Scenario from, Scenario to, double fraction, string name, string description)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "an interpolation fraction is in [0, 1]");
        }

        double Mix(double a, double b) => a + fraction * (b - a);
        return new Scenario(
            name,
            description,
            from.CategoryWeights.Zip(to.CategoryWeights, Mix).ToArray(),
            Mix(from.NewCustomerProbability, to.NewCustomerProbability),
            Mix(from.DiscountProbability, to.DiscountProbability),
            Mix(from.DiscountMeanSteps, to.DiscountMeanSteps),
            Mix(from.ExtraDeliveryDays, to.ExtraDeliveryDays),
            Mix(from.RatingMean, to.RatingMean),
            Mix(from.RatingStandardDeviation, to.RatingStandardDeviation),
            Mix(from.WrongItemRate, to.WrongItemRate));
    }
}
