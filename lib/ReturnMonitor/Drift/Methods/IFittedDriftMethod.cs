namespace ReturnMonitor.Drift;

/// <summary>A drift method fitted on one feature's reference summary (immutable, safe to share between threads).</summary>
/// <typeparam name="TSummary">The feature's summary type.</typeparam>
public interface IFittedDriftMethod<in TSummary>
{
    /// <summary>The statistic of one batch's summary of the same feature against the fitted reference.</summary>
    /// <exception cref="ArgumentException">The batch summary is empty.</exception>
    DriftMethodResult Calculate(TSummary current);
}
