namespace ReturnMonitor.Data;

/// <summary>Some columns of a CSV file as text, row by row (see <see cref="TextColumnReader"/>).</summary>
/// <param name="Columns">The column names, as asked for.</param>
/// <param name="Values">Per column (in <paramref name="Columns"/> order), the trimmed cell of every data row, in file order.</param>
/// <param name="Lines">The 1-based line on which each row starts, for messages about a row.</param>
public sealed record TextColumns(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Values, long[] Lines)
{
    /// <summary>Data rows read.</summary>
    public int Count => Lines.Length;
}
