namespace ReturnMonitor.Data;

/// <summary>Seeded sampling of orders without replacement.</summary>
public static class OrderSampling
{
    /// <summary>At most <paramref name="max"/> orders of <paramref name="table"/>, drawn without replacement, in their original order; the table itself when it is no longer.</summary>
    public static OrderTable Sample(OrderTable table, int max, RandomSource random)
    {
        if (table.Count <= max)
        {
            return table;
        }

        var indices = Enumerable.Range(0, table.Count).ToArray();
        for (var i = 0; i < max; i++)
        {
            var j = random.NextInt(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var chosen = indices[..max];
        Array.Sort(chosen);
        return table.Select(chosen, table.Source);
    }
}
