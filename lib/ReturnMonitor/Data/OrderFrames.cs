using Microsoft.Data.Analysis;

namespace ReturnMonitor.Data;

/// <summary>Conversions between <see cref="OrderTable"/> and <see cref="DataFrame"/>, for notebooks and for users who work with data frames.</summary>
public static class OrderFrames
{
    /// <summary>The table as a data frame in the original column order (numbers as double, categories as strings, <c>returned</c> as bool when present).</summary>
    /// <param name="table">The orders.</param>
    /// <param name="maxRows">Take only the first rows (for display); null for all.</param>
    public static DataFrame ToDataFrame(OrderTable table, int? maxRows = null)
    {
        var rows = Math.Min(table.Count, maxRows ?? int.MaxValue);
        var columns = new List<DataFrameColumn>();
        foreach (var name in OrderSchema.ColumnOrder)
        {
            if (name == OrderSchema.Target)
            {
                if (table.HasTarget)
                {
                    columns.Add(new BooleanDataFrameColumn(name, table.Returned[..rows].ToArray()));
                }

                continue;
            }

            columns.Add(OrderSchema.Feature(name).Kind == FeatureKind.Numeric
                ? new DoubleDataFrameColumn(name, table.Numeric(name)[..rows].ToArray())
                : new StringDataFrameColumn(name, table.Categorical(name).Take(rows)));
        }

        return new DataFrame(columns);
    }
}
