using ReturnMonitor.Drift;

namespace ReturnMonitor.Tests.Drift;

public sealed class MeanShiftTests
{
    [Theory]
    [InlineData(50.0, 55.0, 10.0)]
    [InlineData(50.0, 45.0, -10.0)]
    [InlineData(-20.0, -10.0, 50.0)] // increase relative to |reference|: positive
    [InlineData(-20.0, -30.0, -50.0)]
    [InlineData(3.0, 3.0, 0.0)]
    public void PercentChangeRelativeToAbsoluteReference(double reference, double current, double expected) =>
        Assert.Equal(expected, MeanShift.Percent(reference, current)!.Value, 12);

    [Fact]
    public void Zero_reference_mean()
    {
        Assert.Equal(0.0, MeanShift.Percent(0.0, 0.0));
        Assert.Null(MeanShift.Percent(0.0, 0.5));
        Assert.Null(MeanShift.Percent(0.0, -2.0));
    }

    [Fact]
    public void Nan_propagates() => Assert.True(double.IsNaN(MeanShift.Percent(double.NaN, 1.0)!.Value));
}
