using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// A reference summary with every registered drift method fitted on each feature, once; <see cref="Compare"/>
/// measures a batch with the fitted methods and hands the measurements to the decision (<see cref="DriftAnalysis"/>).
/// Immutable and safe to share between threads.
/// </summary>
internal sealed class FittedReference
{
    private readonly DatasetSummary reference;
    private readonly DriftMethodRegistry methods;
    private readonly Func<DatasetSummary, FeatureMeasurement>[] features;

    private FittedReference(DatasetSummary reference, DriftMethodRegistry methods, Func<DatasetSummary, FeatureMeasurement>[] features)
    {
        this.reference = reference;
        this.methods = methods;
        this.features = features;
    }

    /// <summary>Fits the methods of <paramref name="methods"/> on every feature of <paramref name="reference"/>.</summary>
    /// <exception cref="ArgumentException">The reference has no orders.</exception>
    /// <exception cref="InvalidOperationException">The registry lacks a method the decision needs.</exception>
    public static FittedReference Fit(DatasetSummary reference, DriftMethodRegistry methods)
    {
        if (reference.Rows == 0)
        {
            throw new ArgumentException($"{reference.Source} has no orders: nothing to compare against");
        }

        methods.Validate();
        var features = reference.Features
            .Select(f => f.Kind == FeatureKind.Numeric
                ? FitNumeric(f.Name, reference.Numeric[f.Name], methods.Numeric)
                : FitCategorical(f.Name, reference.Categorical[f.Name], methods.Categorical))
            .ToArray();
        return new FittedReference(reference, methods, features);
    }

    /// <summary>Measures <paramref name="current"/> with the fitted methods and decides.</summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    public DriftReport Compare(DatasetSummary current, DriftOptions? options)
    {
        if (current.Rows == 0)
        {
            throw new ArgumentException($"{current.Source} has no orders: nothing to check");
        }

        // Features are independent; the KS p-value of a large sample is the costly part (see OrderedParallel).
        var measured = OrderedParallel.Map(features.Length, i => features[i](current));
        return DriftAnalysis.Decide(reference, current, measured, methods, options ?? DriftOptions.Default);
    }

    private static Func<DatasetSummary, FeatureMeasurement> FitNumeric(
        string name, EmpiricalDistribution reference, IReadOnlyList<IDriftMethod<EmpiricalDistribution>> methods)
    {
        var fitted = methods.Select(m => m.Fit(reference)).ToArray();
        return batch =>
        {
            // A batch summarised without the column (another schema) has no value of it, as an empty column.
            var current = batch.Numeric.GetValueOrDefault(name) ?? EmpiricalDistribution.FromSample([]);
            if (current.Count == 0)
            {
                return NotComputable(name, FeatureKind.Numeric, methods, DistributionComparison.Numeric(reference, current));
            }

            return new FeatureMeasurement(
                name,
                FeatureKind.Numeric,
                fitted.Select(m => m.Calculate(current)).ToArray(),
                [],
                DistributionComparison.Numeric(reference, current));
        };
    }

    private static Func<DatasetSummary, FeatureMeasurement> FitCategorical(
        string name, CategoryCounts reference, IReadOnlyList<IDriftMethod<CategoryCounts>> methods)
    {
        var fitted = methods.Select(m => m.Fit(reference)).ToArray();
        return batch =>
        {
            var current = batch.Categorical.GetValueOrDefault(name) ?? CategoryCounts.FromValues([]);
            if (current.Total == 0)
            {
                return NotComputable(name, FeatureKind.Categorical, methods, DistributionComparison.Categorical(reference, current));
            }

            return new FeatureMeasurement(
                name,
                FeatureKind.Categorical,
                fitted.Select(m => m.Calculate(current)).ToArray(),
                current.Categories.Where(c => reference[c] == 0).ToArray(),
                DistributionComparison.Categorical(reference, current));
        };
    }

    // A batch without a single value of the feature (an empty or missing column) has no distribution to compare: every
    // method's result is empty and the decision leaves the feature out; data quality raises the alarm that names it.
    private static FeatureMeasurement NotComputable(string name, FeatureKind kind, IEnumerable<IDriftMethod> methods, DistributionComparison distribution) =>
        new(name, kind, methods.Select(m => m.NotComputed()).ToArray(), [], distribution)
        {
            NotComputable = "no value in the batch",
        };
}
