namespace ReturnMonitor.Data;

/// <summary>
/// A dated sequence of weekly batches with the ground truth of what happens when. The demo stream (16 weeks from
/// 2026-W01): three ordinary weeks; a one-week flash sale (W04); two ordinary weeks; a supply crisis building up over
/// three weeks (W07–W09 at 1/3, 2/3 and the full crisis); one ordinary week; then a slow seasonal drift that moves
/// one sixth of the way to <see cref="PeakSeason"/> each week (W11–W16). Deterministic: a period's orders depend only
/// on the seed and the period's label.
/// </summary>
/// <param name="Periods">The weeks, in time order.</param>
/// <param name="Events">The events, in order of onset.</param>
public sealed record WeeklyStream(IReadOnlyList<StreamPeriod> Periods, IReadOnlyList<StreamEvent> Events)
{
    /// <summary>The first week of the demo stream.</summary>
    public static BatchPeriod DemoStart { get; } = BatchPeriod.Week(2026, 1);

    /// <summary>
    /// Where the seasonal drift is heading: the run-up to summer — more sports and beauty, fewer electronics, more
    /// first-time buyers, a little more discounting and slightly slower delivery.
    /// </summary>
    public static Scenario PeakSeason { get; } = Scenario.Baseline with
    {
        Name = "peak_season",
        Description = "the run-up to summer: sports and beauty, first-time buyers, busier delivery",
        CategoryWeights = [0.24, 0.10, 0.14, 0.30, 0.22],
        NewCustomerProbability = 0.45,
        DiscountProbability = 0.60,
        ExtraDeliveryDays = 2.3,
    };

    /// <summary>The 16-week demo stream described on the type.</summary>
    public static WeeklyStream Demo()
    {
        var plan = new List<(Scenario Scenario, string? Event, double Intensity)>();
        void Normal(int weeks) => plan.AddRange(Enumerable.Repeat((Scenario.Normal, (string?)null, 0.0), weeks));

        Normal(3);
        plan.Add((Scenario.FlashSale, "flash_sale", 1));
        Normal(2);
        for (var step = 1; step <= 3; step++)
        {
            var fraction = step / 3.0;
            plan.Add((step == 3 ? Scenario.SupplyCrisis : ScenarioInterpolation.Between(Scenario.Normal, Scenario.SupplyCrisis, fraction, $"supply_crisis@{fraction * 100:0}%", "a supply crisis building up"), "supply_crisis", fraction));
        }

        Normal(1);
        for (var step = 1; step <= 6; step++)
        {
            var fraction = step / 6.0;
            plan.Add((ScenarioInterpolation.Between(Scenario.Normal, PeakSeason, fraction, $"peak_season@{fraction * 100:0}%", "a slow seasonal drift"), "seasonal_drift", fraction));
        }

        return FromPlan(DemoStart, plan,
        [
            new StreamEvent("flash_sale", Scenario.FlashSale.Description, 3, 3),
            new StreamEvent("supply_crisis", "a supply crisis building up over three weeks", 6, 8),
            new StreamEvent("seasonal_drift", "a slow seasonal drift toward peak season, one sixth of the way each week", 10, 15),
        ]);
    }

    /// <summary>A stream from a plan of one (scenario, event, intensity) per week, starting at <paramref name="start"/>.</summary>
    public static WeeklyStream FromPlan(BatchPeriod start, IReadOnlyList<(Scenario Scenario, string? Event, double Intensity)> plan, IReadOnlyList<StreamEvent> events) =>
        new(plan.Select((p, i) => new StreamPeriod(i, start.AddWeeks(i), p.Scenario, p.Event, p.Intensity)).ToArray(), events);

    /// <summary>
    /// The orders of week <paramref name="index"/>: <paramref name="count"/> orders of its scenario, named after the
    /// period (e.g. <c>2026-W04</c>), seeded from <paramref name="seed"/> and the period's label.
    /// </summary>
    public OrderTable Batch(int index, int count, ulong seed = OrderGenerator.DefaultSeed)
    {
        var period = Periods[index];
        var table = OrderGenerator.Generate(period.Scenario, count, RandomSource.DeriveSeed(seed, "stream/" + period.Period.Label));
        return table.Select(Enumerable.Range(0, table.Count).ToArray(), period.Period.Label);
    }
}
