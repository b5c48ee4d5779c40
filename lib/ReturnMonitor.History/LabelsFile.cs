using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.History;

/// <summary>
/// Reads the files late labels come in (CSV: an id column and a target column; other columns are ignored) and the order
/// ids of a batch. A label is 0 or 1 (any spelling of the numbers), or, with a positive value, 1 for that value (trimmed,
/// any case) and 0 for any other — the rules of the batch reader's target column. Every bad cell is a
/// <see cref="DataFormatException"/> naming file, line and column: an empty id, an empty label (leave out orders whose
/// label is not known yet), a label that is not 0 or 1.
/// </summary>
public static class LabelsFile
{
    /// <summary>The labels of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="DataFormatException">The file cannot be read, a column is missing, or a cell is bad.</exception>
    public static IReadOnlyList<OrderLabel> Read(string path, string idColumn, string targetColumn, string? positive = null)
    {
        var file = Path.GetFileName(path);
        var columns = TextColumnReader.Read(path, file, idColumn, targetColumn);
        var result = new OrderLabel[columns.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var line = columns.Lines[i];
            var id = columns.Values[0][i];
            var text = columns.Values[1][i];
            if (id.Length == 0)
            {
                throw new DataFormatException(file, line, idColumn, "empty order id");
            }

            if (text.Length == 0)
            {
                throw new DataFormatException(file, line, targetColumn, "empty label: leave out the orders whose label is not known yet");
            }

            result[i] = new OrderLabel(id, Label(file, line, targetColumn, text, positive), line);
        }

        return result;
    }

    /// <summary>
    /// The column a batch's order ids are kept from: <paramref name="given"/> (<c>--id-column</c>), else the schema's
    /// column with the role <c>id</c> when there is exactly one and the batch is CSV (ids are read from CSV only); null
    /// for none (the period then keeps no orders, as before ids were kept).
    /// </summary>
    public static string? IdColumn(DatasetSchema schema, string? given, string batchPath)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var declared = schema.Columns.Where(c => c.Role == ColumnRole.Id).ToArray();
        return given ?? (declared.Length == 1 && !batchPath.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? declared[0].Name : null);
    }

    /// <summary>The ids of a batch file's orders in file order (one per order, none empty).</summary>
    /// <exception cref="DataFormatException">The column is missing, an id is empty, or the file is Parquet.</exception>
    public static string[] OrderIds(string path, string idColumn)
    {
        var file = Path.GetFileName(path);
        var ids = TextColumnReader.Read(path, file, idColumn);
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids.Values[0][i].Length == 0)
            {
                throw new DataFormatException(file, ids.Lines[i], idColumn, "empty order id: every order needs its id for late labels");
            }
        }

        return ids.Values[0];
    }

    private static bool Label(string file, long line, string column, string text, string? positive)
    {
        if (positive is not null)
        {
            return string.Equals(text, positive.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is 0 or 1
            ? value == 1
            : throw new DataFormatException(file, line, column, $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not 0 or 1 (give --positive for a label written as text)");
    }
}
