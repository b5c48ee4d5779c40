namespace ReturnMonitor.Data;

/// <summary>
/// Makes gaps in a table on purpose: the missing-values case of the evaluation and the tests blank a share of one
/// feature's cells, as a broken export or join would.
/// </summary>
public static class OrderGaps
{
    /// <summary>
    /// A copy of <paramref name="table"/> with round(<paramref name="share"/> × rows) cells of <paramref name="feature"/>
    /// blanked (NaN, or <see cref="OrderTable.MissingCategory"/>), at rows drawn without replacement by <paramref name="random"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is outside [0, 1].</exception>
    /// <exception cref="ArgumentException">Not a feature of the schema.</exception>
    public static OrderTable Blank(OrderTable table, string feature, double share, RandomSource random)
    {
        if (!(share >= 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "a share must be in [0, 1]");
        }

        var definition = OrderSchema.Features.FirstOrDefault(f => f.Name == feature)
            ?? throw new ArgumentException($"'{feature}' is not a feature of the order schema", nameof(feature));
        var count = (int)Math.Round(share * table.Count, MidpointRounding.AwayFromZero);
        // A partial Fisher–Yates shuffle: the first `count` entries are a uniform sample of rows without replacement.
        var rows = Enumerable.Range(0, table.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.NextInt(i, rows.Length);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        if (definition.Kind == FeatureKind.Numeric)
        {
            var values = table.Numeric(feature).ToArray();
            for (var i = 0; i < count; i++)
            {
                values[rows[i]] = double.NaN;
            }

            return table.WithNumeric(feature, values);
        }

        var categories = table.Categorical(feature).ToArray();
        for (var i = 0; i < count; i++)
        {
            categories[rows[i]] = OrderTable.MissingCategory;
        }

        return table.WithCategorical(feature, categories);
    }
}
