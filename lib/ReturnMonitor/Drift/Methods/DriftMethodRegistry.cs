using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Which drift methods run on which feature kind, by key, and which of them the decision uses: per kind one test whose
/// p-value is corrected across the batch, and <see cref="PopulationStabilityIndexMethod"/> as the size compared with
/// the PSI floors. Immutable: <see cref="With"/> and <see cref="Without"/> return a new registry. A new statistic is one
/// <see cref="IDriftMethod{TSummary}"/> class plus one <see cref="With"/>; its results appear in
/// <see cref="FeatureDrift.Statistics"/> in registration order.
/// <code>var profile = ReferenceProfile.Fit(reference, DriftMethodRegistry.Default.With(FeatureKind.Numeric, new JensenShannonMethod()));</code>
/// </summary>
public sealed class DriftMethodRegistry
{
    private readonly IReadOnlyList<IDriftMethod<EmpiricalDistribution>> numeric;
    private readonly IReadOnlyList<IDriftMethod<CategoryCounts>> categorical;
    private readonly string numericTest;
    private readonly string categoricalTest;

    private DriftMethodRegistry(
        IReadOnlyList<IDriftMethod<EmpiricalDistribution>> numeric,
        IReadOnlyList<IDriftMethod<CategoryCounts>> categorical,
        string numericTest,
        string categoricalTest)
    {
        this.numeric = numeric;
        this.categorical = categorical;
        this.numericTest = numericTest;
        this.categoricalTest = categoricalTest;
    }

    /// <summary>
    /// The documented methods: numeric KS (the test), PSI, Wasserstein and mean shift; categorical chi-square (the
    /// test), PSI and Jensen–Shannon — with their default thresholds.
    /// </summary>
    public static DriftMethodRegistry Default { get; } = new DriftMethodRegistry([], [], DriftMethodKeys.KolmogorovSmirnov, DriftMethodKeys.ChiSquare)
        .With(FeatureKind.Numeric, new KolmogorovSmirnovMethod())
        .With(FeatureKind.Numeric, new PopulationStabilityIndexMethod())
        .With(FeatureKind.Numeric, new WassersteinMethod())
        .With(FeatureKind.Numeric, new MeanShiftMethod())
        .With(FeatureKind.Categorical, new ChiSquareMethod())
        .With(FeatureKind.Categorical, new PopulationStabilityIndexMethod())
        .With(FeatureKind.Categorical, new JensenShannonMethod());

    /// <summary>The methods of a kind, in registration order.</summary>
    public IReadOnlyList<IDriftMethod> For(FeatureKind kind) => kind == FeatureKind.Numeric ? numeric : categorical;

    /// <summary>Key of the test whose p-value the decision corrects for features of <paramref name="kind"/>.</summary>
    public string TestKey(FeatureKind kind) => kind == FeatureKind.Numeric ? numericTest : categoricalTest;

    /// <summary>
    /// Registers <paramref name="method"/> for <paramref name="kind"/>, replacing a method with the same key (in place)
    /// or appending it.
    /// </summary>
    /// <exception cref="ArgumentException">The method does not implement <see cref="IDriftMethod{TSummary}"/> for that kind's summary.</exception>
    public DriftMethodRegistry With(FeatureKind kind, IDriftMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return kind == FeatureKind.Numeric
            ? new(Replace(numeric, method as IDriftMethod<EmpiricalDistribution> ?? throw NotFor(method, kind)), categorical, numericTest, categoricalTest)
            : new(numeric, Replace(categorical, method as IDriftMethod<CategoryCounts> ?? throw NotFor(method, kind)), numericTest, categoricalTest);
    }

    /// <summary>The registry without the method <paramref name="key"/> of <paramref name="kind"/> (unchanged when absent).</summary>
    public DriftMethodRegistry Without(FeatureKind kind, string key) => kind == FeatureKind.Numeric
        ? new(numeric.Where(m => m.Key != key).ToArray(), categorical, numericTest, categoricalTest)
        : new(numeric, categorical.Where(m => m.Key != key).ToArray(), numericTest, categoricalTest);

    /// <summary>The registry with the registered method <paramref name="key"/> as the decision's test for <paramref name="kind"/>.</summary>
    public DriftMethodRegistry WithTest(FeatureKind kind, string key) => kind == FeatureKind.Numeric
        ? new(numeric, categorical, key, categoricalTest)
        : new(numeric, categorical, numericTest, key);

    internal IReadOnlyList<IDriftMethod<EmpiricalDistribution>> Numeric => numeric;

    internal IReadOnlyList<IDriftMethod<CategoryCounts>> Categorical => categorical;

    /// <summary>Throws unless every kind has its test and PSI registered (the decision needs both).</summary>
    internal void Validate()
    {
        foreach (var kind in new[] { FeatureKind.Numeric, FeatureKind.Categorical })
        {
            foreach (var key in new[] { TestKey(kind), DriftMethodKeys.PopulationStabilityIndex })
            {
                if (For(kind).All(m => m.Key != key))
                {
                    throw new InvalidOperationException($"the {Name(kind)} drift methods lack '{key}', which the drift decision needs");
                }
            }
        }
    }

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> methods, T method)
        where T : IDriftMethod
    {
        var list = methods.ToList();
        var at = list.FindIndex(m => m.Key == method.Key);
        if (at >= 0)
        {
            list[at] = method;
        }
        else
        {
            list.Add(method);
        }

        return list.ToArray();
    }

    private static ArgumentException NotFor(IDriftMethod method, FeatureKind kind) =>
        new($"drift method '{method.Key}' ({method.GetType().Name}) does not apply to {Name(kind)} features", nameof(method));

    private static string Name(FeatureKind kind) => kind == FeatureKind.Numeric ? "numeric" : "categorical";
}
