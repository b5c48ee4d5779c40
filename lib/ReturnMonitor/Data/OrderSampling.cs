namespace ReturnMonitor.Data;

/// <summary>Seeded sampling of orders without replacement.</summary>
public static class OrderSampling
{
    /// <summary>At most <paramref name="max"/> orders of <paramref name="table"/>, drawn without replacement, in their original order; the table itself when it is no longer.</summary>
    public static OrderTable Sample(OrderTable table, int max, RandomSource random)
    {
        return table.Count <= max ? table : table.Select(Indices(table.Count, max, random), table.Source);
    }

    /// <summary>
    /// The rows <see cref="Sample"/> keeps of a table of <paramref name="count"/> orders (more than <paramref name="max"/>),
    /// ascending: for data that travels beside a table, such as the scores of its orders.
    /// </summary>
    public static int[] Indices(int count, int max, RandomSource random)
    {
        var indices = Enumerable.Range(0, count).ToArray();
        for (var i = 0; i < max; i++)
        {
            var j = random.NextInt(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var chosen = indices[..max];
        Array.Sort(chosen);
        return chosen;
    }
}
