using System.Globalization;

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// The columns of a user's order table and what each is for: the schema as data, read from or written to a
/// human-editable <c>schema.json</c> (<see cref="SchemaFile"/>) or inferred from a file (<see cref="SchemaInference"/>).
/// The demo's table is one such file, <c>data/schema.json</c>, equal to the static <see cref="OrderSchema"/>.
/// Invariants (checked here, so a hand-edited file cannot break them): names unique; at most one target, one
/// timestamp, one score and one prediction column; bounds only on numeric columns with minimum ≤ maximum; a meaning only on a column of its kind, each meaning
/// at most once; <c>positive</c> only on the target, <c>format</c> only on the timestamp, <c>maxCategories</c> and
/// <c>categories</c> only on categorical columns.
/// </summary>
public sealed class DatasetSchema
{
    /// <summary>The version written as <c>"version"</c>; a file of a later version is refused with a clear message.</summary>
    public const int FormatVersion = 1;

    /// <summary>The category that stands for every value beyond a column's <see cref="SchemaColumn.MaxCategories"/>.</summary>
    public const string OtherCategory = ReadPlan.OtherCategory;

    /// <summary>Builds a schema, in file column order.</summary>
    /// <exception cref="ArgumentException">An invariant is broken; the message names the column and the property.</exception>
    public DatasetSchema(IEnumerable<SchemaColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns.ToArray();
        Validate(Columns);
    }

    /// <summary>All columns, in the file's order.</summary>
    public IReadOnlyList<SchemaColumn> Columns { get; }

    /// <summary>The target column, or null for an unlabelled table.</summary>
    public SchemaColumn? Target => Columns.FirstOrDefault(c => c.Role == ColumnRole.Target);

    /// <summary>The timestamp column, or null.</summary>
    public SchemaColumn? Timestamp => Columns.FirstOrDefault(c => c.Role == ColumnRole.Timestamp);

    /// <summary>The column with a model's score (role <c>score</c>), or null.</summary>
    public SchemaColumn? Score => Columns.FirstOrDefault(c => c.Role == ColumnRole.Score);

    /// <summary>The column with a model's 0/1 prediction (role <c>prediction</c>), or null.</summary>
    public SchemaColumn? Prediction => Columns.FirstOrDefault(c => c.Role == ColumnRole.Prediction);

    /// <summary>The numeric and categorical features, in file order.</summary>
    public IReadOnlyList<SchemaColumn> Features => Columns.Where(c => c.IsFeature).ToArray();

    /// <summary>The numeric features, in file order.</summary>
    public IReadOnlyList<SchemaColumn> NumericFeatures => Columns.Where(c => c.Role == ColumnRole.Numeric).ToArray();

    /// <summary>The categorical features, in file order.</summary>
    public IReadOnlyList<SchemaColumn> CategoricalFeatures => Columns.Where(c => c.Role == ColumnRole.Categorical).ToArray();

    /// <summary>The column named <paramref name="name"/> (exact), or null.</summary>
    public SchemaColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The column with <paramref name="meaning"/>, or null: the domain rules fire only when it exists.</summary>
    public SchemaColumn? WithMeaning(ColumnMeaning meaning) => Columns.FirstOrDefault(c => c.Meaning == meaning);

    /// <summary>The features as the existing layers' <see cref="FeatureDefinition"/>s, numeric first as in <see cref="OrderSchema.Features"/>.</summary>
    public IReadOnlyList<FeatureDefinition> FeatureDefinitions() =>
        NumericFeatures.Concat(CategoricalFeatures).Select(c => c.ToFeatureDefinition()).ToArray();

    private static void Validate(IReadOnlyList<SchemaColumn> columns)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var meanings = new Dictionary<ColumnMeaning, string>();
        foreach (var c in columns)
        {
            ArgumentNullException.ThrowIfNull(c);
            if (c.Name is null || !names.Add(c.Name))
            {
                throw new ArgumentException($"column '{c.Name}' appears twice");
            }

            if (!Enum.IsDefined(c.Role))
            {
                throw new ArgumentException($"column '{c.Name}': 'role' {c.Role} is not a role");
            }

            Check(c, "min", c.Minimum is null || c.Role == ColumnRole.Numeric, "applies to numeric columns only");
            Check(c, "max", c.Maximum is null || c.Role == ColumnRole.Numeric, "applies to numeric columns only");
            if (c.Minimum is { } min && c.Maximum is { } max && min > max)
            {
                throw new ArgumentException($"column '{c.Name}': 'min' {Text(min)} is above 'max' {Text(max)}");
            }

            Check(c, "min", c.Minimum is not { } lo || double.IsFinite(lo), "must be a finite number");
            Check(c, "max", c.Maximum is not { } hi || double.IsFinite(hi), "must be a finite number");
            Check(c, "positive", c.Positive is null || c.Role == ColumnRole.Target, "applies to the target only");
            Check(c, "positive", c.Role != ColumnRole.Target || !string.IsNullOrWhiteSpace(c.Positive), "is required on the target (the value that means returned, e.g. 1)");
            Check(c, "format", c.Format is null || c.Role == ColumnRole.Timestamp, "applies to the timestamp only");
            Check(c, "format", c.Format is null || TimestampFormat.IsKnown(c.Format), $"must be one of {string.Join(", ", TimestampFormat.Names)}");
            Check(c, "maxCategories", c.MaxCategories is null || c.Role == ColumnRole.Categorical, "applies to categorical columns only");
            Check(c, "maxCategories", c.MaxCategories is null or >= 1, "must be at least 1");
            Check(c, "categories", c.Categories is null || c.MaxCategories is not null, "needs 'maxCategories'");
            Check(c, "categories", c.Categories is null || c.Categories.Count <= c.MaxCategories, "holds more than 'maxCategories' values");
            Check(c, "categories", c.Categories is null || c.Categories.Distinct(StringComparer.Ordinal).Count() == c.Categories.Count, "holds a value twice");
            if (c.Meaning is { } meaning)
            {
                var kind = SchemaNames.IsNumeric(meaning) ? ColumnRole.Numeric : ColumnRole.Categorical;
                Check(c, "meaning", c.Role == kind, $"'{SchemaNames.Name(meaning)}' needs a {SchemaNames.Name(kind)} column");
                if (!meanings.TryAdd(meaning, c.Name))
                {
                    throw new ArgumentException($"column '{c.Name}': 'meaning' '{SchemaNames.Name(meaning)}' is already the meaning of '{meanings[meaning]}'");
                }
            }
        }

        foreach (var single in new[] { ColumnRole.Target, ColumnRole.Timestamp, ColumnRole.Score, ColumnRole.Prediction })
        {
            var found = columns.Where(c => c.Role == single).Select(c => c.Name).ToArray();
            if (found.Length > 1)
            {
                throw new ArgumentException($"columns '{found[0]}' and '{found[1]}' are both {SchemaNames.Name(single)}: a table has at most one");
            }
        }
    }

    private static void Check(SchemaColumn column, string property, bool ok, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"column '{column.Name}': '{property}' {problem}");
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
