using ReturnMonitor.Data;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Tests.Data;

public sealed class WeeklyStreamTests
{
    [Fact]
    public void The_demo_stream_is_16_dated_weeks_with_its_events_where_the_ground_truth_says()
    {
        var stream = WeeklyStream.Demo();
        Assert.Equal(Enumerable.Range(1, 16).Select(w => $"2026-W{w:00}"), stream.Periods.Select(p => p.Period.Label));
        Assert.Equal(new DateOnly(2025, 12, 29), stream.Periods[0].Period.Start);
        Assert.Equal(["flash_sale", "supply_crisis", "seasonal_drift"], stream.Events.Select(e => e.Name));
        var eventOf = stream.Periods.Select(p => p.Event ?? "-");
        Assert.Equal(["-", "-", "-", "flash_sale", "-", "-", "supply_crisis", "supply_crisis", "supply_crisis", "-",
            "seasonal_drift", "seasonal_drift", "seasonal_drift", "seasonal_drift", "seasonal_drift", "seasonal_drift"], eventOf);
        Assert.All(stream.Periods, p => Assert.Equal(p.Event is not null, stream.Events.Any(e => e.Covers(p.Index))));
        Assert.Equal([1 / 3.0, 2 / 3.0, 1], stream.Periods.Skip(6).Take(3).Select(p => p.Intensity));
        Assert.Equal(Scenario.SupplyCrisis, stream.Periods[8].Scenario);
        // The seasonal drift moves a sixth of the way each week: delivery 1.7 → 2.3 extra days.
        Assert.Equal(1.8, stream.Periods[10].Scenario.ExtraDeliveryDays, 12);
        Assert.Equal(2.3, stream.Periods[15].Scenario.ExtraDeliveryDays, 12);
    }

    [Fact]
    public void A_week_is_the_same_for_the_same_seed_and_different_for_another_week_or_seed()
    {
        var stream = WeeklyStream.Demo();
        var a = stream.Batch(1, 300);
        var again = stream.Batch(1, 300);
        Assert.Equal("2026-W02", a.Source);
        Assert.Equal(a.Numeric("product_price").ToArray(), again.Numeric("product_price").ToArray());
        Assert.Equal(a.Categorical("product_category"), again.Categorical("product_category"));
        Assert.NotEqual(a.Numeric("product_price").ToArray(), stream.Batch(2, 300).Numeric("product_price").ToArray());
        Assert.NotEqual(a.Numeric("product_price").ToArray(), stream.Batch(1, 300, seed: 1).Numeric("product_price").ToArray());
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Checked_against_the_training_data_the_ordinary_weeks_are_healthy_and_the_events_show()
    {
        var stream = WeeklyStream.Demo();
        var reference = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 5000));
        var status = stream.Periods.Select(p => reference.Compare(stream.Batch(p.Index, 1000)).Status).ToArray();
        Assert.All(stream.Periods.Where(p => !p.Drifted), p => Assert.Equal(DriftStatus.Healthy, status[p.Index]));
        Assert.Equal(DriftStatus.Critical, status[3]);
        Assert.Equal(DriftStatus.Critical, status[8]);
        // The slow drift starts below the per-batch decision's reach and ends above it.
        Assert.Equal(DriftStatus.Healthy, status[10]);
        Assert.NotEqual(DriftStatus.Healthy, status[15]);
    }
}
