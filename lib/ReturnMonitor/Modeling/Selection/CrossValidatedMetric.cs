namespace ReturnMonitor.Modeling;

/// <summary>A metric measured on each outer fold, summarised as mean ± standard error.</summary>
/// <param name="PerFold">The metric on each outer test fold, in fold order.</param>
public sealed record CrossValidatedMetric(IReadOnlyList<double> PerFold)
{
    /// <summary>Mean over the folds.</summary>
    public double Mean => PerFold.Average();

    /// <summary>
    /// Standard error of the mean, s / √k with s the sample standard deviation (n − 1) of the k fold values. It ignores
    /// the correlation between folds that share training orders, so it is a common, slightly optimistic yardstick.
    /// </summary>
    public double StandardError
    {
        get
        {
            var k = PerFold.Count;
            if (k < 2)
            {
                return double.NaN;
            }

            var mean = Mean;
            return Math.Sqrt(PerFold.Sum(v => (v - mean) * (v - mean)) / (k - 1) / k);
        }
    }
}
