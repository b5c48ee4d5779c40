using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Reads named columns of a CSV file as text (order ids, late labels) through the project's one tokenizer, so rows and
/// line numbers are those the table reader sees; every other column is skipped. Streams the file in blocks: memory is
/// the asked columns' cells plus one block. A missing column, a row of the wrong width or a file without a header is a
/// <see cref="DataFormatException"/> naming file, line and column.
/// </summary>
public static class TextColumnReader
{
    /// <summary>Reads <paramref name="columns"/> from the CSV file <paramref name="path"/>; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="DataFormatException">The file cannot be read or is Parquet, a column is missing, or a row is malformed.</exception>
    public static TextColumns Read(string path, string file, params string[] columns)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataFormatException(file, null, columns.FirstOrDefault(), "order ids and late labels are read from CSV files: write this file as CSV");
        }

        var state = new State(file, columns);
        CsvRecordBlocks.Read(path, file, state.Add);
        return state.Result();
    }

    private sealed class State(string file, string[] columns)
    {
        private readonly List<string>[] values = columns.Select(_ => new List<string>()).ToArray();
        private readonly List<long> lines = [];
        private Utf8CsvTokenizer tokenizer = new(file, InputLimits.MaxHeaderColumns);
        private string[]? header;
        private int[] indexes = [];

        public void Add(ReadOnlySpan<byte> chunk, ref long line)
        {
            var position = 0;
            while (tokenizer.Next(chunk, ref position, ref line, out var record, out var recordLine))
            {
                if (header is null)
                {
                    ReadHeader(record);
                    continue;
                }

                if (tokenizer.FieldCount != header.Length)
                {
                    throw new DataFormatException(file, recordLine, null, $"the row has {tokenizer.FieldCount} fields but the header has {header.Length}");
                }

                for (var c = 0; c < indexes.Length; c++)
                {
                    values[c].Add(Encoding.UTF8.GetString(tokenizer.Field(record, indexes[c])).Trim());
                }

                lines.Add(recordLine);
            }
        }

        public TextColumns Result() => header is null
            ? throw new DataFormatException(file, null, null, $"the file is empty: expected a header line with {string.Join(", ", columns)}")
            : new TextColumns(columns, values.Select(v => v.ToArray()).ToArray(), lines.ToArray());

        private void ReadHeader(ReadOnlySpan<byte> record)
        {
            if (tokenizer.FieldCount > InputLimits.MaxHeaderColumns)
            {
                throw new DataFormatException(file, 1, null, FormattableString.Invariant($"the header has {tokenizer.FieldCount:N0} columns, more than the limit of {InputLimits.MaxHeaderColumns:N0}"));
            }

            var names = new string[tokenizer.FieldCount];
            for (var i = 0; i < names.Length; i++)
            {
                var name = Encoding.UTF8.GetString(tokenizer.Field(record, i)).Trim();
                names[i] = i == 0 ? name.TrimStart('\uFEFF').Trim() : name;
            }

            indexes = columns.Select(column =>
            {
                var index = Array.IndexOf(names, column);
                return index >= 0
                    ? index
                    : throw new DataFormatException(file, 1, column, $"the column is missing from the header (it has {string.Join(", ", names.Take(20))}{(names.Length > 20 ? ", …" : "")})");
            }).ToArray();
            header = names;
            tokenizer = new Utf8CsvTokenizer(file, names.Length);
        }
    }
}
