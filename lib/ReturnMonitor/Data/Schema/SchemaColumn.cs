namespace ReturnMonitor.Data.Schema;

/// <summary>
/// One column of a <see cref="DatasetSchema"/>: its name exactly as in the header, its role, and what is known of it.
/// Only <see cref="Name"/> and <see cref="Role"/> are required; the rest is optional and role-specific
/// (<see cref="DatasetSchema"/> checks the combinations).
/// </summary>
/// <param name="Name">Column name exactly as in the file's header (may be empty: a pandas index column).</param>
/// <param name="Role">What the column is for.</param>
public sealed record SchemaColumn(string Name, ColumnRole Role)
{
    /// <summary>What the column measures, for the domain rules and the money; null when not known.</summary>
    public ColumnMeaning? Meaning { get; init; }

    /// <summary>What the column means, with its unit; free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Smallest possible value (inclusive) of a numeric column; a smaller value is an error. Null: unbounded.</summary>
    public double? Minimum { get; init; }

    /// <summary>Largest possible value (inclusive) of a numeric column; a larger value is an error. Null: unbounded.</summary>
    public double? Maximum { get; init; }

    /// <summary>Target only: the value that means "returned" (e.g. <c>1</c>, <c>true</c>, <c>Returned</c>); every other value means not returned.</summary>
    public string? Positive { get; init; }

    /// <summary>Timestamp only: how dates are written — <c>iso</c>, <c>M/d/yyyy</c> or <c>d/M/yyyy</c>, each with an optional time.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// Categorical only: the most categories kept. Beyond it, values not in <see cref="Categories"/> count as
    /// <see cref="DatasetSchema.OtherCategory"/>. Null: every value is its own category.
    /// </summary>
    public int? MaxCategories { get; init; }

    /// <summary>Categorical with <see cref="MaxCategories"/>: the categories kept (the most frequent at inference).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Why inference chose this role (e.g. <c>unique per row</c>); kept so a person can check the decision.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether the column is a model and drift feature.</summary>
    public bool IsFeature => Role is ColumnRole.Numeric or ColumnRole.Categorical;

    /// <summary>Whether <paramref name="value"/> of this target column means "returned".</summary>
    public bool IsPositive(string value) => Positive is { } p && string.Equals(value.Trim(), p, StringComparison.OrdinalIgnoreCase);

    /// <summary>The column as a <see cref="FeatureDefinition"/> of the existing layers (features only).</summary>
    /// <exception cref="InvalidOperationException">The column is not a feature.</exception>
    public FeatureDefinition ToFeatureDefinition() => Role switch
    {
        ColumnRole.Numeric => new FeatureDefinition(Name, FeatureKind.Numeric, Description ?? "", Minimum, Maximum),
        ColumnRole.Categorical => new FeatureDefinition(Name, FeatureKind.Categorical, Description ?? ""),
        _ => throw new InvalidOperationException($"column '{Name}' is {SchemaNames.Name(Role)}, not a feature"),
    };
}
