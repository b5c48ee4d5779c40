namespace ReturnMonitor.Data;

/// <summary>
/// The parameters of one data-generating situation. Every scenario shares the same customer behaviour
/// (<see cref="ReturnBehaviour"/>: how likely an order is to be returned given its features); scenarios differ in
/// who buys what, at which discount, delivered how fast — and, for <see cref="WrongItemRate"/>, in a cause of returns
/// that no feature records (concept drift).
/// </summary>
/// <param name="Name">Key used on the command line and in file names, e.g. <c>flash_sale</c>.</param>
/// <param name="Description">One sentence for people.</param>
/// <param name="CategoryWeights">Share of orders per product category, in <see cref="OrderSchema.Categories"/> order.</param>
/// <param name="NewCustomerProbability">Share of orders from customers with no purchase history.</param>
/// <param name="DiscountProbability">Share of orders bought at a discount.</param>
/// <param name="DiscountMeanSteps">Mean discount of discounted orders, in 5-percent steps (6 = 30%).</param>
/// <param name="ExtraDeliveryDays">Mean number of days delivery takes beyond the first (Poisson).</param>
/// <param name="RatingMean">Mean product review rating, stars.</param>
/// <param name="RatingStandardDeviation">Spread of product review ratings, stars.</param>
/// <param name="WrongItemRate">Share of orders shipped with the wrong item; 90% of those are returned whatever the features say.</param>
public sealed record Scenario(
    string Name,
    string Description,
    IReadOnlyList<double> CategoryWeights,
    double NewCustomerProbability,
    double DiscountProbability,
    double DiscountMeanSteps,
    double ExtraDeliveryDays,
    double RatingMean,
    double RatingStandardDeviation,
    double WrongItemRate)
{
    /// <summary>Training data: the shop in ordinary weeks.</summary>
    public static Scenario Baseline { get; } = new(
        "baseline",
        "ordinary weeks: the training distribution",
        [0.22, 0.18, 0.20, 0.18, 0.22],
        NewCustomerProbability: 0.30,
        DiscountProbability: 0.50,
        DiscountMeanSteps: 6.0,
        ExtraDeliveryDays: 1.7,
        RatingMean: 4.0,
        RatingStandardDeviation: 0.8,
        WrongItemRate: 0);

    /// <summary>A production batch from exactly the training distribution: any drift alarm on it is a false alarm.</summary>
    public static Scenario Normal { get; } = Baseline with { Name = "normal", Description = "a production week like the training weeks (no drift)" };

    /// <summary>A 60%-off flash sale: deep discounts, impulse buyers without history, mostly clothing, slower delivery, weaker products.</summary>
    public static Scenario FlashSale { get; } = new(
        "flash_sale",
        "a 60%-off flash sale: impulse buyers, mostly clothing, overloaded delivery",
        [0.61, 0.10, 0.09, 0.12, 0.08],
        NewCustomerProbability: 0.70,
        DiscountProbability: 0.97,
        DiscountMeanSteps: 12.6,
        ExtraDeliveryDays: 5.2,
        RatingMean: 3.85,
        RatingStandardDeviation: 0.9,
        WrongItemRate: 0);

    /// <summary>A supply-chain crisis: long delivery delays, compensating discounts, lower ratings and wrong items shipped.</summary>
    public static Scenario SupplyCrisis { get; } = new(
        "supply_crisis",
        "a supply-chain crisis: late deliveries, lower ratings, wrong items shipped",
        [0.22, 0.18, 0.20, 0.18, 0.22],
        NewCustomerProbability: 0.30,
        DiscountProbability: 0.60,
        DiscountMeanSteps: 8.7,
        ExtraDeliveryDays: 6.3,
        RatingMean: 3.65,
        RatingStandardDeviation: 0.9,
        WrongItemRate: 0.19);

    /// <summary>
    /// Clearance stock shipped from remote warehouses: the deeper the discount, the slower the delivery. Every feature's
    /// distribution is exactly the baseline's; only discount and delivery become coupled (see
    /// <see cref="CouplesDiscountAndDelivery"/>), a joint shift that per-feature tests cannot see.
    /// </summary>
    public static Scenario JointShift { get; } = Baseline with
    {
        Name = "joint_shift",
        Description = "clearance from remote warehouses: same marginals as training, but deep discounts ship slowly",
        CouplesDiscountAndDelivery = true,
    };

    /// <summary>The built-in scenarios of the demo data, training first.</summary>
    public static IReadOnlyList<Scenario> All { get; } = [Baseline, Normal, FlashSale, SupplyCrisis];

    /// <summary>Every scenario <see cref="Named"/> knows: the demo's and <see cref="JointShift"/>.</summary>
    public static IReadOnlyList<Scenario> Known { get; } = [.. All, JointShift];

    /// <summary>
    /// When true, discount and delivery time are drawn from one uniform number through their exact inverse
    /// distribution functions (a comonotone coupling): each keeps exactly its distribution under the scenario's other
    /// parameters, but high discounts go with long deliveries.
    /// </summary>
    public bool CouplesDiscountAndDelivery { get; init; }

    /// <summary>The built-in scenario called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static Scenario Named(string name) =>
        Known.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", Known.Select(s => s.Name))}", nameof(name));
}
