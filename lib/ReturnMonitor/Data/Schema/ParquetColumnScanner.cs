using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Feeds every value of a Parquet file to one <see cref="ColumnStatistics"/> per column, written as a CSV cell of the
/// same value would read — numbers in invariant round-trip form, booleans <c>true</c>/<c>false</c>, dates and times ISO
/// 8601, text as is, a null as an empty cell — so that the inference applies the CSV's rules unchanged. Memory: one
/// row group's column at a time, plus the statistics' capped distinct values.
/// </summary>
internal static class ParquetColumnScanner
{
    /// <summary>Whether <paramref name="path"/> is read as Parquet (by its extension, as every reader decides).</summary>
    public static bool IsParquet(string path) => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>The column names of the file's schema, in order, without reading any row.</summary>
    /// <exception cref="DataFormatException">Missing or not a Parquet file.</exception>
    public static IReadOnlyList<string> Names(string path) => WithReader(path, reader => reader.Schema.GetDataFields().Select(f => f.Name).ToArray());

    /// <summary>
    /// The statistics of every column, and the names of the columns the Parquet schema types as text (which stay
    /// categorical even when every value is digits: a reader takes the file's types).
    /// </summary>
    /// <exception cref="DataFormatException">Missing or not a Parquet file, or a column of a type that has no cell form (lists, maps).</exception>
    public static (IReadOnlyList<ColumnStatistics> Columns, IReadOnlySet<string> TextColumns) Scan(string path, int distinctCap) => WithReader(path, reader =>
    {
        var fields = reader.Schema.GetDataFields();
        var columns = fields.Select(f => new ColumnStatistics(f.Name, distinctCap)).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            for (var i = 0; i < fields.Length; i++)
            {
                foreach (var cell in Cells(group, fields[i], count, path))
                {
                    columns[i].Add(cell);
                }
            }
        }

        IReadOnlySet<string> text = fields.Where(IsText).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return ((IReadOnlyList<ColumnStatistics>)columns, text);
    });

    // A text column reads as string; Parquet.Net 6 reports the type of a byte-array text column as ReadOnlyMemory<char>.
    private static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static T WithReader<T>(string path, Func<ParquetReader, T> read)
    {
        using var stream = InputFiles.OpenRead(path, path, 1 << 16, FileOptions.None);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream, null, false).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not DataFormatException)
        {
            throw new DataFormatException(path, null, null, $"not a readable Parquet file: {e.Message.ReplaceLineEndings(" ")}");
        }

        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is not DataFormatException)
        {
            throw new DataFormatException(path, null, null, $"cannot read the Parquet file: {e.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string[] Cells(ParquetRowGroupReader group, DataField field, int count, string path)
    {
        var type = field.ClrType;
        if (field.IsArray)
        {
            throw new DataFormatException(path, null, field.Name, "a list column has no single value per row; give a schema that ignores it");
        }

        if (IsText(field))
        {
            var values = new string?[count];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            return values.Select(v => v ?? "").ToArray();
        }

        var c = CultureInfo.InvariantCulture;
        return type == typeof(double) ? Values<double>(group, field, count, v => v.ToString("R", c))
            : type == typeof(float) ? Values<float>(group, field, count, v => v.ToString("R", c))
            : type == typeof(long) ? Values<long>(group, field, count, v => v.ToString(c))
            : type == typeof(int) ? Values<int>(group, field, count, v => v.ToString(c))
            : type == typeof(short) ? Values<short>(group, field, count, v => v.ToString(c))
            : type == typeof(sbyte) ? Values<sbyte>(group, field, count, v => v.ToString(c))
            : type == typeof(byte) ? Values<byte>(group, field, count, v => v.ToString(c))
            : type == typeof(ushort) ? Values<ushort>(group, field, count, v => v.ToString(c))
            : type == typeof(uint) ? Values<uint>(group, field, count, v => v.ToString(c))
            : type == typeof(ulong) ? Values<ulong>(group, field, count, v => v.ToString(c))
            : type == typeof(decimal) ? Values<decimal>(group, field, count, v => v.ToString(c))
            : type == typeof(bool) ? Values<bool>(group, field, count, v => v ? "true" : "false")
            : type == typeof(DateTime) ? Values<DateTime>(group, field, count, v => v.ToString("yyyy-MM-dd'T'HH:mm:ss", c))
            : type == typeof(DateOnly) ? Values<DateOnly>(group, field, count, v => v.ToString("yyyy-MM-dd", c))
            : throw new DataFormatException(path, null, field.Name, $"column type {type.Name} has no cell form; give a schema that ignores it");
    }

    private static string[] Values<T>(ParquetRowGroupReader group, DataField field, int count, Func<T, string> format)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[count];
            group.ReadAsync(field, nullable.AsMemory()).GetAwaiter().GetResult();
            return nullable.Select(v => v is { } value ? format(value) : "").ToArray();
        }

        var values = new T[count];
        group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
        return values.Select(format).ToArray();
    }
}
