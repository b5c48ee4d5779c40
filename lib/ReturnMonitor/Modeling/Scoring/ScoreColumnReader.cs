using System.Globalization;
using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>
/// Reads a score column (and optionally a prediction column) from a CSV file through the project's one tokenizer, so
/// rows and line numbers are those the table reader sees; every other column is skipped. Streams the file in blocks:
/// memory is the score column itself (16 bytes per row) plus one block. Every problem — the column missing, an empty
/// cell, a score that is not a number, NaN or outside [0, 1], a prediction that is not 0/1 — is a
/// <see cref="DataFormatException"/> naming file, line and column.
/// </summary>
internal static class ScoreColumnReader
{
    /// <summary>Reads the columns from <paramref name="path"/>; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="DataFormatException">The file cannot be read, a column is missing or a cell is bad.</exception>
    public static ColumnScores Read(string path, string file, string scoreColumn, string? predictionColumn)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataFormatException(file, null, scoreColumn, "score columns are read from CSV files: write the scored orders as CSV (or score a Parquet file with --onnx)");
        }

        var state = new State(file, scoreColumn, predictionColumn);
        CsvRecordBlocks.Read(path, file, state.Add);
        return state.Result();
    }

    private sealed class State(string file, string scoreColumn, string? predictionColumn)
    {
        private readonly List<double> scores = [];
        private readonly List<bool>? predictions = predictionColumn is null ? null : [];
        private readonly List<long> lines = [];
        private Utf8CsvTokenizer tokenizer = new(file, InputLimits.MaxHeaderColumns);
        private string[]? header;
        private int scoreIndex;
        private int predictionIndex;

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

                scores.Add(ParseScore(tokenizer.Field(record, scoreIndex), recordLine));
                predictions?.Add(ParsePrediction(tokenizer.Field(record, predictionIndex), recordLine));
                lines.Add(recordLine);
            }
        }

        public ColumnScores Result() => header is null
            ? throw new DataFormatException(file, null, null, $"the file is empty: expected a header line with the score column '{scoreColumn}'")
            : new ColumnScores(scores.ToArray(), predictions?.ToArray(), lines.ToArray());

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

            scoreIndex = Locate(names, scoreColumn, "score");
            predictionIndex = predictionColumn is null ? -1 : Locate(names, predictionColumn, "prediction");
            header = names;
            tokenizer = new Utf8CsvTokenizer(file, names.Length);
        }

        private int Locate(string[] names, string column, string what)
        {
            var index = Array.IndexOf(names, column);
            return index >= 0
                ? index
                : throw new DataFormatException(file, 1, column, $"the {what} column is missing from the header (it has {string.Join(", ", names.Take(20))}{(names.Length > 20 ? ", …" : "")})");
        }

        private double ParseScore(ReadOnlySpan<byte> cell, long line)
        {
            var text = Encoding.UTF8.GetString(cell).Trim();
            if (text.Length == 0)
            {
                throw new DataFormatException(file, line, scoreColumn, "empty score: every order needs the model's score");
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                throw new DataFormatException(file, line, scoreColumn, $"'{text}' is not a number");
            }

            return ScoreRules.IsValid(score)
                ? score
                : throw new DataFormatException(file, line, scoreColumn, $"score {text} is not a probability: a score must be from 0 to 1 (not NaN)");
        }

        private bool ParsePrediction(ReadOnlySpan<byte> cell, long line)
        {
            var text = Encoding.UTF8.GetString(cell).Trim();
            return text.ToLowerInvariant() switch
            {
                "1" or "1.0" or "true" => true,
                "0" or "0.0" or "false" => false,
                _ => throw new DataFormatException(file, line, predictionColumn, $"'{text}' is not a prediction: expected 0 or 1 (or false/true)"),
            };
        }
    }
}
