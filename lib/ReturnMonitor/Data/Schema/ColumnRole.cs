namespace ReturnMonitor.Data.Schema;

/// <summary>
/// What a column of a user's table is for. Written in <c>schema.json</c> as the lower-case name (<c>numeric</c>,
/// <c>categorical</c>, <c>target</c>, <c>timestamp</c>, <c>id</c>, <c>ignored</c>, <c>score</c>, <c>prediction</c>).
/// </summary>
public enum ColumnRole
{
    /// <summary>A number compared by the numeric drift statistics and fed to the model.</summary>
    Numeric,

    /// <summary>A label compared by the categorical drift statistics and one-hot encoded for the model.</summary>
    Categorical,

    /// <summary>The 0/1 outcome (returned or not); text labels map to 1 through <see cref="SchemaColumn.Positive"/>.</summary>
    Target,

    /// <summary>When the order happened: cuts one file into periods. Never a feature.</summary>
    Timestamp,

    /// <summary>An identifier (order id, invoice number): unique per row or named as one, never a feature.</summary>
    Id,

    /// <summary>Read past: free text, an index column, an empty or constant column, or a user's choice.</summary>
    Ignored,

    /// <summary>A model's score (probability of a return) written by the shop's own model (<c>--score-column</c>): read by the score source, never a feature.</summary>
    Score,

    /// <summary>A model's 0/1 prediction written by the shop's own model (<c>--prediction-column</c>): never a feature.</summary>
    Prediction,
}
