using Parquet;
using Parquet.Schema;
using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Reads a Parquet count file (string columns <c>feature</c> and <c>value</c>, integer column <c>count</c>; other columns
/// are an error, as in CSV) into a <see cref="ValueCountsBuilder"/>. Errors name the 1-based row in the place of a line.
/// </summary>
public static class ValueCountsParquet
{
    /// <summary>Adds the records of one Parquet count file to <paramref name="builder"/>.</summary>
    /// <exception cref="DataFormatException">Missing or unreadable file, wrong columns, or a bad record.</exception>
    public static void ReadInto(ValueCountsBuilder builder, string path)
    {
        using var stream = InputFiles.OpenRead(path, bufferSize: 1 << 16, options: FileOptions.None);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream, null, false).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw new DataFormatException(path, null, null, $"not a readable Parquet file: {e.Message.ReplaceLineEndings(" ")}");
        }

        try
        {
            var fields = reader.Schema.GetDataFields();
            var names = fields.Select(f => f.Name).ToArray();
            DataField Find(string column, Func<Type, bool> typeOk, string expected)
            {
                var field = fields.FirstOrDefault(f => f.Name == column);
                if (field is null || fields.Length != ValueCountsFile.Columns.Count)
                {
                    throw new DataFormatException(path, null, null, $"the columns must be feature, value, count; found {string.Join(", ", names)}");
                }

                return typeOk(field.ClrType) ? field : throw new DataFormatException(path, null, column, $"column type {field.ClrType.Name} is not {expected}");
            }

            var feature = Find("feature", IsText, "a string");
            var value = Find("value", IsText, "a string");
            var count = Find("count", t => t == typeof(long) || t == typeof(int), "an integer");
            long firstRow = 1;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = checked((int)group.RowCount);
                var features = new string?[rows];
                var values = new string?[rows];
                group.ReadAsync(feature, features.AsMemory()).GetAwaiter().GetResult();
                group.ReadAsync(value, values.AsMemory()).GetAwaiter().GetResult();
                var counts = ReadCounts(group, count, rows, path, firstRow);
                for (var r = 0; r < rows; r++)
                {
                    var name = features[r] ?? throw new DataFormatException(path, firstRow + r, "feature", "empty (NULL) feature name");
                    builder.Add(name, values[r], counts[r], path, firstRow + r);
                }

                firstRow += rows;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // Parquet.Net reports a UTF-8 string column as string or as ReadOnlyMemory<char>; both read into string[].
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    private static long[] ReadCounts(ParquetRowGroupReader group, DataField field, int rows, string path, long firstRow) =>
        field.ClrType == typeof(long) ? Read<long>(group, field, rows, path, firstRow) : Read<int>(group, field, rows, path, firstRow);

    private static long[] Read<T>(ParquetRowGroupReader group, DataField field, int rows, string path, long firstRow)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var result = new long[rows];
        if (field.IsNullable)
        {
            var values = new T?[rows];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            for (var r = 0; r < rows; r++)
            {
                result[r] = values[r] is { } v ? long.CreateChecked(v) : throw new DataFormatException(path, firstRow + r, "count", "empty (NULL) count");
            }
        }
        else
        {
            var values = new T[rows];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            for (var r = 0; r < rows; r++)
            {
                result[r] = long.CreateChecked(values[r]);
            }
        }

        return result;
    }
}
