using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// What a model reads from a table and how it encodes it — built from the table's own features, not a fixed class:
/// each numeric feature as a float; a numeric feature with gaps in the training orders also gets ML.NET's mean
/// replacement and a 0/1 "was missing" indicator (a tree can then learn what a gap means instead of reading the
/// mean); each categorical feature one-hot over its <see cref="CategoryVocabulary"/>. The feature vector is the
/// numeric features in table order, then the indicators, then the one-hot blocks — for the demo's table exactly the
/// vector the former fixed pipeline built, so its models are unchanged bit for bit.
/// </summary>
internal sealed class ModelFeatures
{
    private ModelFeatures(IReadOnlyList<FeatureDefinition> numeric, IReadOnlyList<FeatureDefinition> categorical, IReadOnlySet<string> withIndicator, IReadOnlyDictionary<string, CategoryVocabulary> vocabularies)
    {
        Numeric = numeric;
        Categorical = categorical;
        WithIndicator = withIndicator;
        Vocabularies = vocabularies;
    }

    /// <summary>The numeric features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> Numeric { get; }

    /// <summary>The categorical features, in table order.</summary>
    public IReadOnlyList<FeatureDefinition> Categorical { get; }

    /// <summary>All features: numeric, then categorical.</summary>
    public IEnumerable<FeatureDefinition> All => Numeric.Concat(Categorical);

    /// <summary>Names of the numeric features that get a missing indicator (they had gaps in training).</summary>
    public IReadOnlySet<string> WithIndicator { get; }

    /// <summary>The vocabulary of each categorical feature, by name.</summary>
    public IReadOnlyDictionary<string, CategoryVocabulary> Vocabularies { get; }

    /// <summary>The encoding fitted on training orders: which numerics have gaps, which categories get a slot.</summary>
    public static ModelFeatures Fit(OrderTable training)
    {
        var withIndicator = training.NumericFeatures.Where(f => training.MissingCount(f.Name) > 0).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var vocabularies = training.CategoricalFeatures.ToDictionary(f => f.Name, f => CategoryVocabulary.Fit(training.Categorical(f.Name)), StringComparer.Ordinal);
        return new ModelFeatures(training.NumericFeatures, training.CategoricalFeatures, withIndicator, vocabularies);
    }

    /// <summary>
    /// The encoding of a saved model, read from the model itself: the features from its input columns
    /// (<see cref="ModelColumns.FromInput"/>), the indicators and the vocabularies (one-hot slot names) from its output.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model does not have the expected columns.</exception>
    public static ModelFeatures Read(ITransformer transformer, DataViewSchema inputSchema)
    {
        var features = inputSchema.Select(ModelColumns.FromInput).OfType<FeatureDefinition>().ToArray();
        var output = transformer.GetOutputSchema(inputSchema);
        var numeric = features.Where(f => f.Kind == FeatureKind.Numeric).ToArray();
        var categorical = features.Where(f => f.Kind == FeatureKind.Categorical).ToArray();
        var withIndicator = numeric.Where(f => output.GetColumnOrNull(ModelColumns.Indicator(f)) is not null).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var vocabularies = new Dictionary<string, CategoryVocabulary>(StringComparer.Ordinal);
        foreach (var feature in categorical)
        {
            var column = output.GetColumnOrNull(ModelColumns.OneHot(feature))
                ?? throw new InvalidOperationException($"the model has no one-hot column for '{feature.Name}'");
            vocabularies[feature.Name] = new CategoryVocabulary(SlotNames(column));
        }

        return new ModelFeatures(numeric, categorical, withIndicator, vocabularies);
    }

    /// <summary>The slot names of a vector column (the categories of a one-hot column, in slot order).</summary>
    public static string[] SlotNames(DataViewSchema.Column column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    /// <summary>
    /// The transforms from the input columns to <see cref="ModelColumns.Features"/>: indicators (before the
    /// replacement, which would hide the gaps), mean replacement, one-hot encoding, concatenation. For a table without
    /// gaps this is one-hot plus concatenation, the pipeline of the fixed class before it.
    /// </summary>
    public IEstimator<ITransformer> Encoding(MLContext context)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var gaps = Numeric.Where(f => WithIndicator.Contains(f.Name)).ToArray();
        if (gaps.Length > 0)
        {
            chain = chain
                .Append(context.Transforms.IndicateMissingValues([.. gaps.Select(f => new InputOutputColumnPair(ModelColumns.Indicator(f), ModelColumns.Input(f)))]))
                .Append(context.Transforms.Conversion.ConvertType([.. gaps.Select(f => new InputOutputColumnPair(ModelColumns.Indicator(f), ModelColumns.Indicator(f)))], DataKind.Single))
                .Append(context.Transforms.ReplaceMissingValues([.. gaps.Select(f => new InputOutputColumnPair(ModelColumns.Input(f), ModelColumns.Input(f)))], MissingValueReplacingEstimator.ReplacementMode.Mean));
        }

        if (Categorical.Count > 0)
        {
            chain = chain.Append(context.Transforms.Categorical.OneHotEncoding([.. Categorical.Select(f => new InputOutputColumnPair(ModelColumns.OneHot(f), ModelColumns.Input(f)))]));
        }

        return chain.Append(context.Transforms.Concatenate(ModelColumns.Features, [.. FeatureVectorColumns()]));
    }

    /// <summary>The columns concatenated into the feature vector, in order.</summary>
    public IEnumerable<string> FeatureVectorColumns() =>
        Numeric.Select(ModelColumns.Input)
            .Concat(Numeric.Where(f => WithIndicator.Contains(f.Name)).Select(ModelColumns.Indicator))
            .Concat(Categorical.Select(ModelColumns.OneHot));

    /// <summary>The model's view of <paramref name="table"/> (which must have every feature), with optional labels replacing the table's.</summary>
    /// <exception cref="ArgumentException">The table lacks a feature of the model.</exception>
    public IDataView View(OrderTable table, bool[]? labels = null)
    {
        foreach (var feature in All)
        {
            if (!table.Features.Any(f => f.Name == feature.Name && f.Kind == feature.Kind))
            {
                throw new ArgumentException($"{table.Source} has no {(feature.Kind == FeatureKind.Numeric ? "numeric" : "categorical")} feature '{feature.Name}', which the model reads", nameof(table));
            }
        }

        return new TableDataView(this, table, labels);
    }

    /// <summary>The input schema of the model (no rows).</summary>
    public DataViewSchema InputSchema() => TableDataView.SchemaOf(this);
}
