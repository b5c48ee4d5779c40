namespace ReturnMonitor.Data;

/// <summary>
/// A batch of orders stored by column: one <see cref="double"/> array per numeric feature,
/// one string array per categorical feature, and the optional 0/1 target.
/// Immutable once built; columns are shared, never copied, by the accessors.
/// A missing feature value (an empty cell in a batch read with <see cref="MissingCells.Allow"/>) is NaN in a numeric
/// column and <see cref="MissingCategory"/> in a categorical one; <see cref="IsMissing"/> and <see cref="MissingCount"/>
/// tell them apart. Tables read with the default <see cref="MissingCells.Reject"/> have none.
/// </summary>
public sealed class OrderTable
{
    /// <summary>
    /// The value of a missing category: the empty string, which a reader never produces for a present category
    /// (cells are trimmed and an empty one is missing).
    /// </summary>
    public const string MissingCategory = "";

    private readonly Dictionary<string, double[]> numeric;
    private readonly Dictionary<string, string[]> categorical;
    private readonly bool[]? returned;

    /// <summary>Builds a table of the demo's nine features (<see cref="OrderSchema.Features"/>) from whole columns, all of the same length.</summary>
    /// <param name="source">Where the data came from (a file name or a scenario), used in messages.</param>
    public OrderTable(string source, IReadOnlyDictionary<string, double[]> numeric, IReadOnlyDictionary<string, string[]> categorical, bool[]? returned)
        : this(source, OrderSchema.Features, numeric, categorical, returned)
    {
    }

    /// <summary>
    /// Builds a table of any features from whole columns: every feature of <paramref name="features"/> must have a column
    /// of its kind, all of the same length. The features' order is the table's order (numeric and categorical each keep
    /// it); columns not named by a feature are not kept.
    /// </summary>
    /// <param name="source">Where the data came from (a file name or a scenario), used in messages.</param>
    /// <param name="features">The table's features, in column order; names unique.</param>
    public OrderTable(string source, IReadOnlyList<FeatureDefinition> features, IReadOnlyDictionary<string, double[]> numeric, IReadOnlyDictionary<string, string[]> categorical, bool[]? returned)
    {
        ArgumentNullException.ThrowIfNull(features);
        Source = source;
        Features = features.ToArray();
        NumericFeatures = Features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();
        CategoricalFeatures = Features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();
        if (Features.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != Features.Count)
        {
            throw new ArgumentException("a feature name appears twice", nameof(features));
        }

        this.numeric = new Dictionary<string, double[]>(StringComparer.Ordinal);
        this.categorical = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int? count = null;
        foreach (var feature in NumericFeatures)
        {
            if (!numeric.TryGetValue(feature.Name, out var column))
            {
                throw new ArgumentException($"numeric column '{feature.Name}' is missing", nameof(numeric));
            }

            this.numeric[feature.Name] = column;
            count = CheckLength(count, column.Length, feature.Name);
        }

        foreach (var feature in CategoricalFeatures)
        {
            if (!categorical.TryGetValue(feature.Name, out var column))
            {
                throw new ArgumentException($"categorical column '{feature.Name}' is missing", nameof(categorical));
            }

            this.categorical[feature.Name] = column;
            count = CheckLength(count, column.Length, feature.Name);
        }

        if (returned is not null)
        {
            count = CheckLength(count, returned.Length, OrderSchema.Target);
        }

        this.returned = returned;
        Count = count ?? 0;
    }

    /// <summary>The table's features in column order (the demo's nine for a table of the demo shop).</summary>
    public IReadOnlyList<FeatureDefinition> Features { get; }

    /// <summary>The numeric features, in column order.</summary>
    public IReadOnlyList<FeatureDefinition> NumericFeatures { get; }

    /// <summary>The categorical features, in column order.</summary>
    public IReadOnlyList<FeatureDefinition> CategoricalFeatures { get; }

    /// <summary>Where the data came from: a file name or a scenario name.</summary>
    public string Source { get; }

    /// <summary>Number of orders.</summary>
    public int Count { get; }

    /// <summary>Whether the table has the <c>returned</c> column.</summary>
    public bool HasTarget => returned is not null;

    /// <summary>The values of numeric feature <paramref name="name"/>.</summary>
    public ReadOnlySpan<double> Numeric(string name) =>
        numeric.TryGetValue(name, out var column) ? column : throw new ArgumentException($"'{name}' is not a numeric feature", nameof(name));

    /// <summary>The values of categorical feature <paramref name="name"/>.</summary>
    public IReadOnlyList<string> Categorical(string name) =>
        categorical.TryGetValue(name, out var column) ? column : throw new ArgumentException($"'{name}' is not a categorical feature", nameof(name));

    /// <summary>The target: true for a returned order.</summary>
    /// <exception cref="InvalidOperationException">The table has no <c>returned</c> column.</exception>
    public ReadOnlySpan<bool> Returned =>
        returned ?? throw new InvalidOperationException($"{Source} has no '{OrderSchema.Target}' column");

    /// <summary>Fraction of orders returned, in [0, 1]; NaN for an empty table.</summary>
    public double ReturnRate
    {
        get
        {
            var target = Returned;
            if (target.Length == 0)
            {
                return double.NaN;
            }

            var count = 0;
            foreach (var r in target)
            {
                count += r ? 1 : 0;
            }

            return (double)count / target.Length;
        }
    }

    /// <summary>Whether feature <paramref name="feature"/> of order <paramref name="row"/> is missing.</summary>
    /// <exception cref="ArgumentException">Not a feature of the schema.</exception>
    public bool IsMissing(string feature, int row) =>
        numeric.TryGetValue(feature, out var values) ? double.IsNaN(values[row])
        : categorical.TryGetValue(feature, out var categories) ? categories[row].Length == 0
        : throw new ArgumentException($"'{feature}' is not a feature of the order schema", nameof(feature));

    /// <summary>Number of orders whose feature <paramref name="feature"/> is missing, 0 to <see cref="Count"/>.</summary>
    /// <exception cref="ArgumentException">Not a feature of the schema.</exception>
    public int MissingCount(string feature)
    {
        var missing = 0;
        if (numeric.TryGetValue(feature, out var values))
        {
            foreach (var value in values)
            {
                missing += double.IsNaN(value) ? 1 : 0;
            }

            return missing;
        }

        if (categorical.TryGetValue(feature, out var categories))
        {
            foreach (var category in categories)
            {
                missing += category.Length == 0 ? 1 : 0;
            }

            return missing;
        }

        throw new ArgumentException($"'{feature}' is not a feature of the order schema", nameof(feature));
    }

    /// <summary>Order number <paramref name="index"/> as a row.</summary>
    public Order this[int index] => new(
        numeric[OrderSchema.ProductPrice][index],
        numeric[OrderSchema.CustomerPurchaseHistory][index],
        numeric[OrderSchema.ReviewRating][index],
        numeric[OrderSchema.DeliveryTimeDays][index],
        numeric[OrderSchema.DiscountPercentage][index],
        numeric[OrderSchema.PreviousReturns][index],
        numeric[OrderSchema.DaysSincePurchase][index],
        categorical[OrderSchema.ProductCategory][index],
        categorical[OrderSchema.SizeOrdered][index],
        returned?[index]);

    /// <summary>All orders as rows, in order.</summary>
    public IEnumerable<Order> Rows()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <summary>Builds a table from rows. The target is kept only if every row has it.</summary>
    public static OrderTable FromRows(string source, IReadOnlyCollection<Order> rows)
    {
        var builder = new OrderTableBuilder(rows.Count);
        foreach (var row in rows)
        {
            builder.Add(row);
        }

        return builder.Build(source);
    }

    /// <summary>The orders at <paramref name="indices"/>, in that order (used for splits and resampling).</summary>
    public OrderTable Select(ReadOnlySpan<int> indices, string? source = null)
    {
        var num = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, column) in numeric)
        {
            var picked = new double[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                picked[i] = column[indices[i]];
            }

            num[name] = picked;
        }

        var cat = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, column) in categorical)
        {
            var picked = new string[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                picked[i] = column[indices[i]];
            }

            cat[name] = picked;
        }

        bool[]? target = null;
        if (returned is not null)
        {
            target = new bool[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                target[i] = returned[indices[i]];
            }
        }

        return new OrderTable(source ?? Source, Features, num, cat, target);
    }

    /// <summary>A copy of this table with numeric column <paramref name="name"/> replaced (for permutation importance and what-if analysis).</summary>
    public OrderTable WithNumeric(string name, double[] values)
    {
        var num = new Dictionary<string, double[]>(numeric, StringComparer.Ordinal) { [name] = values };
        return new OrderTable(Source, Features, num, categorical, returned);
    }

    /// <summary>A copy of this table with categorical column <paramref name="name"/> replaced.</summary>
    public OrderTable WithCategorical(string name, string[] values)
    {
        var cat = new Dictionary<string, string[]>(categorical, StringComparer.Ordinal) { [name] = values };
        return new OrderTable(Source, Features, numeric, cat, returned);
    }

    /// <summary>
    /// This table without feature <paramref name="name"/> (e.g. a date column read beside the features to cut periods);
    /// the other columns are shared, not copied.
    /// </summary>
    public OrderTable WithoutFeature(string name) =>
        new(Source, Features.Where(f => f.Name != name).ToArray(), numeric, categorical, returned);

    private static int CheckLength(int? count, int length, string name) =>
        count is { } expected && expected != length
            ? throw new ArgumentException($"column '{name}' has {length} values, expected {expected}")
            : length;
}
