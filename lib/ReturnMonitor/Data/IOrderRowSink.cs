namespace ReturnMonitor.Data;

/// <summary>
/// Receives the checked cells of one order after another from <see cref="OrderRecordParser"/>: a table builder or a
/// summary builder. Implemented by structs, so that the parser's generic loop is compiled for each and the calls inline.
/// </summary>
internal interface IOrderRowSink
{
    /// <summary>Numeric feature <paramref name="feature"/> (schema order); NaN when missing. <paramref name="scale"/> ≥ 0 when the value is exactly <paramref name="mantissa"/>/10^<paramref name="scale"/>.</summary>
    void Number(int feature, double value, long mantissa, int scale);

    /// <summary>Categorical feature <paramref name="feature"/> (schema order) as trimmed UTF-8; empty when missing.</summary>
    void Category(int feature, ReadOnlySpan<byte> utf8);

    /// <summary>The order is complete; <paramref name="returned"/> is its label (0 when the data is unlabelled).</summary>
    void EndRow(int returned);
}
