namespace ReturnMonitor.Data;

/// <summary>
/// Draws synthetic orders for a <see cref="Scenario"/>. For a given scenario, count and seed the result is the same
/// on every machine (own PRNG, fixed draw order, values rounded to whole units or 0.1 star).
/// </summary>
public static class OrderGenerator
{
    /// <summary>Default seed of the demo data.</summary>
    public const ulong DefaultSeed = 20240917;

    private static readonly double[] SizeWeights = [0.08, 0.20, 0.30, 0.24, 0.12, 0.06];
    private static readonly double[] MedianPrice = [45, 180, 70, 60, 30];
    private const double SerialReturnerProbability = 0.15;
    private const double DiscountStepsDeviation = 2.5;

    /// <summary>
    /// <paramref name="count"/> orders of <paramref name="scenario"/>. The stream is seeded from <paramref name="seed"/> and the
    /// scenario's name, so the scenarios of one seed are independent draws.
    /// </summary>
    public static OrderTable Generate(Scenario scenario, int count, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new RandomSource(RandomSource.DeriveSeed(seed, scenario.Name));
        var builder = new OrderTableBuilder(count);
        var categoryWeights = scenario.CategoryWeights.ToArray();
        for (var i = 0; i < count; i++)
        {
            builder.Add(Draw(scenario, categoryWeights, random));
        }

        return builder.Build(scenario.Name);
    }

    private static Order Draw(Scenario scenario, double[] categoryWeights, RandomSource random)
    {
        var categoryIndex = random.Choose(categoryWeights);
        var category = OrderSchema.Categories[categoryIndex];
        var price = Math.Max(5, Math.Round(MedianPrice[categoryIndex] * Math.Exp(0.5 * random.Normal())));
        var sized = category is "Clothing" or "Sports";
        var size = sized ? OrderSchema.Sizes[random.Choose(SizeWeights)] : OrderSchema.NoSize;

        var isNew = random.Bernoulli(scenario.NewCustomerProbability);
        var history = isNew ? 0 : Math.Max(1, Math.Round(12 * Math.Exp(0.8 * random.Normal())));
        var returnPropensity = random.Bernoulli(SerialReturnerProbability) ? 0.5 : 0.03;
        var previousReturns = random.Binomial((int)history, returnPropensity);

        double discount, delivery;
        if (scenario.CouplesDiscountAndDelivery)
        {
            var u = random.NextDouble();
            discount = DiscountQuantile(scenario, u);
            delivery = 1 + PoissonQuantile(scenario.ExtraDeliveryDays, u);
        }
        else
        {
            discount = random.Bernoulli(scenario.DiscountProbability)
                ? 5 * Math.Clamp(Math.Round(random.Normal(scenario.DiscountMeanSteps, DiscountStepsDeviation)), 1, 18)
                : 0;
            delivery = 1 + random.Poisson(scenario.ExtraDeliveryDays);
        }

        var rating = Math.Clamp(Math.Round(random.Normal(scenario.RatingMean, scenario.RatingStandardDeviation), 1), 1, 5);
        var daysSincePurchase = random.NextInt(1, 31);

        var order = new Order(price, history, rating, delivery, discount, previousReturns, daysSincePurchase, category, size, null);
        var wrongItem = random.Bernoulli(scenario.WrongItemRate);
        var p = wrongItem ? ReturnBehaviour.WrongItemReturnProbability : ReturnBehaviour.ReturnProbability(order);
        return order with { Returned = random.Bernoulli(p) };
    }

    /// <summary>
    /// The u-quantile of the discount distribution: 0 with probability 1 − q, else 5·clamp(round(N(μ, 2.5)), 1, 18) — the
    /// same distribution as the independent draw, so a coupled scenario keeps the discount marginal exactly.
    /// </summary>
    internal static double DiscountQuantile(Scenario scenario, double u)
    {
        var cumulative = 1 - scenario.DiscountProbability;
        if (u < cumulative)
        {
            return 0;
        }

        for (var step = 1; step < 18; step++)
        {
            // round(X) ≤ step  ⇔  X < step + 0.5 (ties have probability 0); clamping puts X < 1.5 on step 1.
            cumulative = 1 - scenario.DiscountProbability + scenario.DiscountProbability *
                MathNet.Numerics.Distributions.Normal.CDF(scenario.DiscountMeanSteps, DiscountStepsDeviation, step + 0.5);
            if (u < cumulative)
            {
                return 5 * step;
            }
        }

        return 5 * 18;
    }

    /// <summary>The u-quantile of a Poisson(λ) distribution.</summary>
    internal static int PoissonQuantile(double lambda, double u)
    {
        var probability = Math.Exp(-lambda);
        var cumulative = probability;
        var k = 0;
        while (u >= cumulative && k < 1000)
        {
            k++;
            probability *= lambda / k;
            cumulative += probability;
        }

        return k;
    }
}
