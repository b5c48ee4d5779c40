namespace ReturnMonitor.Data;

/// <summary>
/// What the readers (<see cref="OrderCsv"/>, <see cref="OrderParquet"/> and the streaming summarisers) take from a file:
/// the features, in table order, with their bounds; the target column and the value that means "returned"; the other
/// columns a schema names (ids, ignored columns, the timestamp), which are read past; and, per categorical feature,
/// the categories kept, every other value counting as <see cref="OtherCategory"/>. A plain description without the
/// schema file's vocabulary, so that the readers stay below <c>Data/Schema</c>: a <c>DatasetSchema</c> turns itself
/// into a plan (<c>SchemaReading.Plan</c>). <see cref="Demo"/> is the demo shop's nine features and 0/1 <c>returned</c>.
/// </summary>
public sealed class ReadPlan
{
    /// <summary>The category that stands for every value not among a feature's kept categories.</summary>
    public const string OtherCategory = "(other)";

    /// <summary>Builds a plan.</summary>
    /// <param name="features">The features to read, in table order; names unique.</param>
    /// <param name="target">The target column, or null to read no target (the table is then unlabelled).</param>
    /// <param name="positive">
    /// The target value that means returned, compared trimmed and ignoring case, every other value meaning not returned;
    /// null (or <c>1</c>) reads the target as a number that must be 0 or 1, as the demo's files are.
    /// </param>
    /// <param name="otherColumns">Columns read past on purpose (ids, ignored, timestamp); an empty name allows an empty header field.</param>
    /// <param name="keptCategories">Per categorical feature name, the categories kept; absent: every value is its own category.</param>
    /// <exception cref="ArgumentException">A feature name appears twice.</exception>
    public ReadPlan(
        IReadOnlyList<FeatureDefinition> features,
        string? target,
        string? positive = null,
        IEnumerable<string>? otherColumns = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? keptCategories = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features.ToArray();
        if (Features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != Features.Count)
        {
            throw new ArgumentException("a feature name appears twice", nameof(features));
        }

        NumericFeatures = Features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();
        CategoricalFeatures = Features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();
        Target = target;
        Positive = positive is null || positive.Trim() == "1" ? null : positive.Trim();
        OtherColumns = new HashSet<string>(otherColumns ?? [], StringComparer.Ordinal);
        Kept = CategoricalFeatures
            .Select(f => keptCategories is not null && keptCategories.TryGetValue(f.Name, out var kept) ? new HashSet<string>(kept, StringComparer.Ordinal) : null)
            .ToArray();
    }

    /// <summary>The demo shop's table: <see cref="OrderSchema.Features"/> and the 0/1 target <see cref="OrderSchema.Target"/>.</summary>
    public static ReadPlan Demo { get; } = new(OrderSchema.Features, OrderSchema.Target);

    /// <summary>The features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>The numeric features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> NumericFeatures { get; }

    /// <summary>The categorical features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> CategoricalFeatures { get; }

    /// <summary>The target column, or null.</summary>
    public string? Target { get; }

    /// <summary>The target value meaning returned (trimmed), or null for a 0/1 number.</summary>
    public string? Positive { get; }

    /// <summary>Columns read past on purpose.</summary>
    public IReadOnlySet<string> OtherColumns { get; }

    /// <summary>Per categorical feature (in <see cref="CategoricalFeatures"/> order) the categories kept, or null for all.</summary>
    internal HashSet<string>?[] Kept { get; }

    /// <summary>The category a value of categorical feature <paramref name="index"/> counts as: itself, or <see cref="OtherCategory"/>.</summary>
    internal string Bucket(int index, string value) =>
        Kept[index] is { } kept && value.Length > 0 && !kept.Contains(value) ? OtherCategory : value;

    /// <summary>Whether the target cell <paramref name="value"/> (trimmed) means returned, for a plan with <see cref="Positive"/>.</summary>
    internal bool IsPositive(ReadOnlySpan<char> value) => value.Equals(Positive, StringComparison.OrdinalIgnoreCase);
}
