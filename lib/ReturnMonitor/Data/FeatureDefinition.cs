namespace ReturnMonitor.Data;

/// <summary>One input column of the order schema and the values it may hold.</summary>
/// <param name="Name">Column name exactly as in the CSV header.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Description">What the column means, with its unit.</param>
/// <param name="Minimum">Smallest valid value (inclusive) for a numeric column; null when unbounded.</param>
/// <param name="Maximum">Largest valid value (inclusive) for a numeric column; null when unbounded.</param>
public sealed record FeatureDefinition(
    string Name,
    FeatureKind Kind,
    string Description,
    double? Minimum = null,
    double? Maximum = null)
{
    /// <summary>Why <paramref name="value"/> is not valid for this column, or null when it is.</summary>
    public string? Validate(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "must be a finite number";
        }

        if (Minimum is { } min && value < min)
        {
            return Maximum is { } max1 ? $"must be between {Format(min)} and {Format(max1)}" : $"must be at least {Format(min)}";
        }

        if (Maximum is { } max && value > max)
        {
            return Minimum is { } min2 ? $"must be between {Format(min2)} and {Format(max)}" : $"must be at most {Format(max)}";
        }

        return null;
    }

    private static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
