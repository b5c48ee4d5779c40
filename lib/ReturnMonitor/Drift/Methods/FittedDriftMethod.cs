namespace ReturnMonitor.Drift;

/// <summary>A fitted method whose state is captured by <paramref name="calculate"/> (the fitted bins, mean, counts…).</summary>
internal sealed class FittedDriftMethod<TSummary>(Func<TSummary, DriftMethodResult> calculate) : IFittedDriftMethod<TSummary>
{
    public DriftMethodResult Calculate(TSummary current) => calculate(current);
}
