namespace ReturnMonitor.Drift;

/// <summary>
/// Change of the return rate between reference and batch (present when both are labelled): the rates, the
/// two-proportion z-test and the 95% interval of the difference (<see cref="TwoProportionTest"/>).
/// </summary>
/// <param name="ReferenceReturned">Returned orders in the reference.</param>
/// <param name="ReferenceRows">Orders in the reference.</param>
/// <param name="CurrentReturned">Returned orders in the batch.</param>
/// <param name="CurrentRows">Orders in the batch.</param>
public sealed record TargetDrift(long ReferenceReturned, long ReferenceRows, long CurrentReturned, long CurrentRows)
{
    /// <summary>The test of equal return rates.</summary>
    public TwoProportionResult Test { get; } = TwoProportionTest.Compare(ReferenceReturned, ReferenceRows, CurrentReturned, CurrentRows);

    /// <summary>Share of returned orders in the reference, [0, 1].</summary>
    public double ReferenceRate => Test.ReferenceRate;

    /// <summary>Share of returned orders in the batch, [0, 1].</summary>
    public double CurrentRate => Test.CurrentRate;
}
