namespace ReturnMonitor.Data.Schema;

/// <summary>The words <c>schema.json</c> and the command line use for roles and meanings, in one place.</summary>
public static class SchemaNames
{
    private static readonly (ColumnRole Role, string Name)[] Roles =
    [
        (ColumnRole.Numeric, "numeric"), (ColumnRole.Categorical, "categorical"), (ColumnRole.Target, "target"),
        (ColumnRole.Timestamp, "timestamp"), (ColumnRole.Id, "id"), (ColumnRole.Ignored, "ignored"),
        (ColumnRole.Score, "score"), (ColumnRole.Prediction, "prediction"),
    ];

    private static readonly (ColumnMeaning Meaning, string Name)[] Meanings =
    [
        (ColumnMeaning.Price, "price"), (ColumnMeaning.DiscountPercent, "discount_percent"),
        (ColumnMeaning.DeliveryDays, "delivery_days"), (ColumnMeaning.Rating, "rating"),
        (ColumnMeaning.PurchaseHistory, "purchase_history"), (ColumnMeaning.PreviousReturns, "previous_returns"),
        (ColumnMeaning.Category, "category"), (ColumnMeaning.Size, "size"),
    ];

    /// <summary>All role words, in declaration order (for error messages and help).</summary>
    public static IReadOnlyList<string> RoleNames { get; } = Roles.Select(r => r.Name).ToArray();

    /// <summary>All meaning words, in declaration order.</summary>
    public static IReadOnlyList<string> MeaningNames { get; } = Meanings.Select(m => m.Name).ToArray();

    /// <summary>The word for <paramref name="role"/>.</summary>
    public static string Name(ColumnRole role) => Roles.First(r => r.Role == role).Name;

    /// <summary>The word for <paramref name="meaning"/>.</summary>
    public static string Name(ColumnMeaning meaning) => Meanings.First(m => m.Meaning == meaning).Name;

    /// <summary>The role named <paramref name="name"/> (exact, lower case), or null.</summary>
    public static ColumnRole? ParseRole(string name) =>
        Roles.Where(r => r.Name == name).Select(r => (ColumnRole?)r.Role).FirstOrDefault();

    /// <summary>The meaning named <paramref name="name"/> (exact, snake_case), or null.</summary>
    public static ColumnMeaning? ParseMeaning(string name) =>
        Meanings.Where(m => m.Name == name).Select(m => (ColumnMeaning?)m.Meaning).FirstOrDefault();

    /// <summary>Whether <paramref name="meaning"/> belongs on a numeric column (else on a categorical one).</summary>
    public static bool IsNumeric(ColumnMeaning meaning) => meaning is not (ColumnMeaning.Category or ColumnMeaning.Size);
}
