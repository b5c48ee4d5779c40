using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Modeling.AnySchema;

/// <summary>The domain classifier on a table of another shape: its own features, constant columns never drivers.</summary>
public class DomainClassifierAnySchemaTests
{
    [Fact]
    public void A_shift_is_found_and_named_and_a_column_constant_on_both_sides_is_never_a_driver()
    {
        var reference = OtherShapeTables.Create(1500, 1, constantChannel: "web");
        var batch = OtherShapeTables.Create(1500, 2, valueShift: 60, constantChannel: "web");

        var drift = new DomainClassifier { Trees = 20 }.Compare(reference, batch);

        Assert.True(drift.Drifted, $"AUC {drift.RocAuc}");
        Assert.Equal("basket_value", drift.Drivers[0].Feature);
        Assert.DoesNotContain(drift.Drivers, d => d.Feature == "channel");
        Assert.Equal(["basket_value", "items", "sku", "tenure_days"], drift.Drivers.Select(d => d.Feature).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_column_constant_at_different_values_on_the_two_sides_is_kept_it_is_drift()
    {
        var reference = OtherShapeTables.Create(400, 1, constantChannel: "web");
        var batch = OtherShapeTables.Create(400, 2, constantChannel: "app");

        var combined = DomainClassifier.Combine(reference, batch);
        var same = DomainClassifier.Combine(reference, OtherShapeTables.Create(400, 3, constantChannel: "web"));

        Assert.Contains(combined.Features, f => f.Name == "channel");
        Assert.DoesNotContain(same.Features, f => f.Name == "channel");
        var drift = new DomainClassifier { Trees = 10 }.Compare(reference, batch);
        Assert.Equal("channel", drift.Drivers[0].Feature);
        Assert.True(drift.RocAuc > 0.95);
    }
}
