using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// The demo's table as a <see cref="DatasetSchema"/> (the columns of <c>data/schema.json</c> that the value counts use:
/// seven numeric and two categorical features and the 0/1 target <c>returned</c>), built from <see cref="OrderSchema"/>
/// so that an installed tool needs no file. The schema used when the caller gives none.
/// </summary>
public static class DemoSchema
{
    /// <summary>The demo's features in <see cref="OrderSchema.Features"/> order, then the target with positive value <c>1</c>.</summary>
    public static DatasetSchema Instance { get; } = new(
        OrderSchema.Features
            .Select(f => new SchemaColumn(f.Name, f.Kind == FeatureKind.Numeric ? ColumnRole.Numeric : ColumnRole.Categorical))
            .Append(new SchemaColumn(OrderSchema.Target, ColumnRole.Target) { Positive = "1" }));
}
