namespace ReturnMonitor.Tests.Monitoring.Sections.Toy;

/// <summary>The toy section's value: the batch's orders against the reference's.</summary>
public sealed record BatchSize(long Orders, long ReferenceOrders)
{
    public double Ratio => (double)Orders / ReferenceOrders;
}
