using System.Globalization;
using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The orders a model folder keeps (<c>reference-sample.csv</c>, <c>held-out.csv</c>) for a table of any features.
/// The demo's table is written and read by <see cref="OrderCsv"/> as before (same bytes, old folders still load); any
/// other table as: a header of the model's features in its order and, when labelled, a last column <c>returned</c>
/// (0/1); numbers in invariant shortest round-trip form, an empty cell for a gap; text quoted when it holds a comma,
/// a quote, a line break or edge spaces. The file is the program's own, read back with the model's feature list.
/// </summary>
internal static class ModelFolderCsv
{
    private const string LabelColumn = "returned";

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> (LF, UTF-8 without BOM).</summary>
    public static void Write(OrderTable table, string path)
    {
        if (DemoSchema.IsDemo(table.Features))
        {
            OrderCsv.Write(table, path);
            return;
        }

        var features = table.NumericFeatures.Concat(table.CategoricalFeatures).ToArray();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.Write(string.Join(',', features.Select(f => Quote(f.Name)).Concat(table.HasTarget ? [LabelColumn] : [])));
        writer.Write('\n');
        var line = new StringBuilder();
        for (var row = 0; row < table.Count; row++)
        {
            line.Clear();
            for (var c = 0; c < features.Length; c++)
            {
                var feature = features[c];
                if (c > 0)
                {
                    line.Append(',');
                }

                if (feature.Kind == FeatureKind.Numeric)
                {
                    var value = table.Numeric(feature.Name)[row];
                    line.Append(double.IsNaN(value) ? "" : OrderCsv.FormatNumber(value));
                }
                else
                {
                    line.Append(Quote(table.Categorical(feature.Name)[row]));
                }
            }

            if (table.HasTarget)
            {
                line.Append(',').Append(table.Returned[row] ? '1' : '0');
            }

            writer.Write(line.Append('\n'));
        }
    }

    /// <summary>Reads a file written by <see cref="Write"/> for a model of <paramref name="features"/>.</summary>
    /// <exception cref="DataFormatException">The header is not the model's features, or a cell is not what its column holds.</exception>
    public static OrderTable Read(string path, IReadOnlyList<FeatureDefinition> features)
    {
        if (DemoSchema.IsDemo(features))
        {
            return OrderCsv.Read(path);
        }

        var ordered = features.Where(f => f.Kind == FeatureKind.Numeric).Concat(features.Where(f => f.Kind == FeatureKind.Categorical)).ToArray();
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (rows.Count == 0)
        {
            throw new DataFormatException(path, 1, null, "the file is empty");
        }

        var header = rows[0];
        var labelled = header.Length == ordered.Length + 1 && header[^1] == LabelColumn;
        if (!header.Take(ordered.Length).SequenceEqual(ordered.Select(f => f.Name)) || header.Length != ordered.Length + (labelled ? 1 : 0))
        {
            throw new DataFormatException(path, 1, null, $"the header is not the model's features ({string.Join(", ", ordered.Select(f => f.Name))}): the folder's files do not belong together, retrain it with 'returnmonitor train'");
        }

        var count = rows.Count - 1;
        var numeric = ordered.Where(f => f.Kind == FeatureKind.Numeric).ToDictionary(f => f.Name, _ => new double[count], StringComparer.Ordinal);
        var categorical = ordered.Where(f => f.Kind == FeatureKind.Categorical).ToDictionary(f => f.Name, _ => new string[count], StringComparer.Ordinal);
        var returned = labelled ? new bool[count] : null;
        for (var r = 0; r < count; r++)
        {
            var cells = rows[r + 1];
            var line = r + 2;
            if (cells.Length != header.Length)
            {
                throw new DataFormatException(path, line, null, $"{cells.Length} fields, the header has {header.Length}");
            }

            for (var c = 0; c < ordered.Length; c++)
            {
                var feature = ordered[c];
                if (feature.Kind == FeatureKind.Categorical)
                {
                    categorical[feature.Name][r] = cells[c];
                }
                else if (cells[c].Length == 0)
                {
                    numeric[feature.Name][r] = double.NaN;
                }
                else if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    numeric[feature.Name][r] = value;
                }
                else
                {
                    throw new DataFormatException(path, line, feature.Name, $"'{TerminalText.Escape(cells[c])}' is not a number");
                }
            }

            if (returned is not null)
            {
                returned[r] = cells[^1] switch
                {
                    "1" => true,
                    "0" => false,
                    _ => throw new DataFormatException(path, line, LabelColumn, $"'{TerminalText.Escape(cells[^1])}' is not 0 or 1"),
                };
            }
        }

        return new OrderTable(Path.GetFileName(path), ordered, numeric, categorical, returned);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.Trim().Length != value.Length
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    // RFC 4180: fields separated by commas, records by LF (CRLF accepted), quotes doubled inside quoted fields.
    private static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. fields]);
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
