using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace ReturnMonitor.Data;

/// <summary>
/// Order tables as Parquet files (Parquet.Net), with the same columns as the CSV format: the seven numeric features
/// (any integer or floating-point column type), the two categorical features (strings) and the optional 0/1
/// <c>returned</c> column (integer, floating-point or boolean). Other columns are ignored. Checked like CSV: a null,
/// an empty category or an invalid value is a <see cref="DataFormatException"/> naming the file, the row number
/// (1-based, counted over the whole file, in the place of a line number) and the column. With
/// <see cref="MissingCells.Allow"/> a null feature value or an empty category is a missing value instead (a NaN stays an
/// error); a missing value is written back as null.
/// </summary>
public static class OrderParquet
{
    /// <summary>Default number of rows per row group when writing.</summary>
    public const int DefaultRowGroupSize = 1 << 20;

    /// <summary>Writes a table as a Parquet file (double columns, string categories, <c>returned</c> as int 0/1 when present).</summary>
    public static void Write(OrderTable table, string path, int rowGroupSize = DefaultRowGroupSize) =>
        Write([table], path, table.HasTarget, rowGroupSize);

    /// <summary>Writes a sequence of tables (for example the chunks of a large CSV file) as one Parquet file, one or more row groups per table.</summary>
    /// <param name="labelled">Whether to write the <c>returned</c> column; every table must then have it.</param>
    public static void Write(IEnumerable<OrderTable> tables, string path, bool labelled, int rowGroupSize = DefaultRowGroupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Columns are nullable only when some table has a missing value in them, so files without gaps keep their schema.
        var tableList = tables as IReadOnlyCollection<OrderTable> ?? tables.ToList();
        // The first table's features (the demo's nine when there is none); the target keeps the demo's name.
        var first = tableList.FirstOrDefault();
        var numericFields = (first?.NumericFeatures ?? OrderSchema.NumericFeatures).Select(f => new DataField<double>(f.Name, tableList.Any(t => t.MissingCount(f.Name) > 0))).ToArray();
        var categoricalFields = (first?.CategoricalFeatures ?? OrderSchema.CategoricalFeatures).Select(f => new DataField<string>(f.Name, tableList.Any(t => t.MissingCount(f.Name) > 0))).ToArray();
        var targetField = new DataField<int>(OrderSchema.Target, false);
        var fields = new List<Field>(numericFields);
        if (labelled)
        {
            fields.Add(targetField);
        }

        fields.AddRange(categoricalFields);
        using var stream = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), stream).GetAwaiter().GetResult();
        try
        {
            foreach (var table in tableList)
            {
                for (var start = 0; start < table.Count; start += rowGroupSize)
                {
                    var count = Math.Min(rowGroupSize, table.Count - start);
                    using var group = writer.CreateRowGroup();
                    for (var i = 0; i < numericFields.Length; i++)
                    {
                        var column = table.Numeric(numericFields[i].Name).Slice(start, count).ToArray();
                        if (numericFields[i].IsNullable)
                        {
                            var nullable = column.Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();
                            group.WriteAsync<double>(numericFields[i], nullable.AsMemory()).GetAwaiter().GetResult();
                        }
                        else
                        {
                            group.WriteAsync<double>(numericFields[i], column.AsMemory()).GetAwaiter().GetResult();
                        }
                    }

                    if (labelled)
                    {
                        var returned = table.Returned.Slice(start, count);
                        var target = new int[count];
                        for (var r = 0; r < count; r++)
                        {
                            target[r] = returned[r] ? 1 : 0;
                        }

                        group.WriteAsync<int>(targetField, target.AsMemory()).GetAwaiter().GetResult();
                    }

                    for (var i = 0; i < categoricalFields.Length; i++)
                    {
                        var values = table.Categorical(categoricalFields[i].Name).Skip(start).Take(count).Select(c => c.Length == 0 ? null : c).ToArray();
                        group.WriteAsync(categoricalFields[i], values).GetAwaiter().GetResult();
                    }

                    group.CompleteValidate();
                }
            }
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Reads a whole Parquet file into one table.</summary>
    /// <exception cref="DataFormatException">Missing file, not Parquet, missing column or bad value.</exception>
    public static OrderTable Read(string path, string? displayName = null, MissingCells missing = MissingCells.Reject, ReadPlan? plan = null)
    {
        var name = displayName ?? path;
        var tables = ReadChunks(path, name, missing, plan).ToList();
        return tables.Count == 1 ? tables[0] : Concatenate(name, tables);
    }

    /// <summary>Streams a Parquet file as one table per row group (a file without row groups gives one empty table).</summary>
    public static IEnumerable<OrderTable> ReadChunks(string path, string? displayName = null, MissingCells missing = MissingCells.Reject, ReadPlan? plan = null)
    {
        var name = displayName ?? path;
        using var file = ParquetColumns.Open(path, name, plan ?? ReadPlan.Demo, missing);
        if (file.RowGroupCount == 0)
        {
            yield return file.EmptyTable();
            yield break;
        }

        long firstRow = 1;
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var table = file.ReadRowGroup(g, firstRow, missing);
            firstRow += table.Count;
            yield return table;
        }
    }

    // The row groups' tables as one, column by column (all have the same features and the same target presence).
    private static OrderTable Concatenate(string name, List<OrderTable> tables)
    {
        var features = tables[0].Features;
        return new OrderTable(
            name,
            features,
            tables[0].NumericFeatures.ToDictionary(f => f.Name, f => tables.SelectMany(t => t.Numeric(f.Name).ToArray()).ToArray()),
            tables[0].CategoricalFeatures.ToDictionary(f => f.Name, f => tables.SelectMany(t => t.Categorical(f.Name)).ToArray()),
            tables[0].HasTarget ? tables.SelectMany(t => t.Returned.ToArray()).ToArray() : null);
    }

    /// <summary>An open Parquet file with the schema's columns located.</summary>
    internal sealed class ParquetColumns : IDisposable
    {
        private readonly ParquetReader reader;
        private readonly string name;
        private readonly ReadPlan plan;
        private readonly DataField?[] numeric;
        private readonly DataField?[] categorical;
        private readonly DataField? target;

        private ParquetColumns(ParquetReader reader, string name, ReadPlan plan, MissingCells missing)
        {
            this.reader = reader;
            this.name = name;
            this.plan = plan;
            var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
            // A batch may lack a feature column (null here): all its values are missing, reported by data quality.
            DataField? Find(string column) => fields.TryGetValue(column, out var field) ? field
                : missing == MissingCells.Allow ? null
                : throw new DataFormatException(name, null, column, "required column is missing from the Parquet schema");
            numeric = plan.NumericFeatures.Select(f => Find(f.Name)).ToArray();
            categorical = plan.CategoricalFeatures.Select(f => Find(f.Name)).ToArray();
            target = plan.Target is { } t ? fields.GetValueOrDefault(t) : null;
        }

        public int RowGroupCount => reader.RowGroupCount;

        public bool Labelled => target is not null;

        public static ParquetColumns Open(string path, string name, ReadPlan plan, MissingCells missing)
        {
            ParquetReader reader;
            var stream = InputFiles.OpenRead(path, name, 1 << 16, FileOptions.None);

            try
            {
                reader = ParquetReader.CreateAsync(stream, null, false).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not DataFormatException)
            {
                stream.Dispose();
                throw new DataFormatException(name, null, null, $"not a readable Parquet file: {e.Message.ReplaceLineEndings(" ")}");
            }

            try
            {
                return new ParquetColumns(reader, name, plan, missing);
            }
            catch
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
        }

        public long[] FirstRows()
        {
            var first = new long[reader.RowGroupCount];
            long row = 1;
            for (var g = 0; g < first.Length; g++)
            {
                first[g] = row;
                using var group = reader.OpenRowGroupReader(g);
                row += group.RowCount;
            }

            return first;
        }

        public OrderTable EmptyTable() => new(
            name,
            plan.Features,
            plan.NumericFeatures.ToDictionary(f => f.Name, _ => Array.Empty<double>()),
            plan.CategoricalFeatures.ToDictionary(f => f.Name, _ => Array.Empty<string>()),
            Labelled ? [] : null);

        public OrderTable ReadRowGroup(int index, long firstRow, MissingCells missing)
        {
            var allowMissing = missing == MissingCells.Allow;
            try
            {
                using var group = reader.OpenRowGroupReader(index);
                var count = checked((int)group.RowCount);
                var num = new Dictionary<string, double[]>(StringComparer.Ordinal);
                for (var i = 0; i < numeric.Length; i++)
                {
                    var feature = plan.NumericFeatures[i];
                    if (numeric[i] is not { } field)
                    {
                        num[feature.Name] = Enumerable.Repeat(double.NaN, count).ToArray();
                        continue;
                    }

                    var values = ReadNumbers(group, field, count, firstRow, allowMissing);
                    for (var r = 0; r < values.Length; r++)
                    {
                        if (feature.Validate(values[r]) is { } problem && !(allowMissing && IsNull(values[r])))
                        {
                            throw new DataFormatException(name, firstRow + r, feature.Name, $"'{values[r].ToString("R", CultureInfo.InvariantCulture)}' {problem}");
                        }
                    }

                    num[feature.Name] = values;
                }

                var cat = new Dictionary<string, string[]>(StringComparer.Ordinal);
                for (var i = 0; i < categorical.Length; i++)
                {
                    var feature = plan.CategoricalFeatures[i];
                    var values = new string?[count];
                    if (categorical[i] is { } field)
                    {
                        group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
                    }

                    var interned = new Dictionary<string, string>(StringComparer.Ordinal);
                    var column = new string[count];
                    for (var r = 0; r < count; r++)
                    {
                        var value = values[r]?.Trim();
                        if (string.IsNullOrEmpty(value))
                        {
                            if (allowMissing)
                            {
                                column[r] = OrderTable.MissingCategory;
                                continue;
                            }

                            throw new DataFormatException(name, firstRow + r, feature.Name, OrderCellParser.EmptyCategory(plan));
                        }

                        value = plan.Bucket(i, value);
                        column[r] = interned.TryGetValue(value, out var same) ? same : interned[value] = value;
                    }

                    cat[feature.Name] = column;
                }

                bool[]? returned = null;
                if (target is not null && (plan.Positive is not null || target.ClrType == typeof(string)))
                {
                    returned = ReadTextLabels(group, target, count, firstRow);
                }
                else if (target is not null)
                {
                    var labels = target.ClrType == typeof(bool) ? ReadBooleans(group, target, count, firstRow) : ReadNumbers(group, target, count, firstRow, allowNull: false);
                    returned = new bool[count];
                    for (var r = 0; r < count; r++)
                    {
                        if (labels[r] != 0 && labels[r] != 1)
                        {
                            throw new DataFormatException(name, firstRow + r, target.Name, $"'{labels[r].ToString("R", CultureInfo.InvariantCulture)}' is not 0 or 1");
                        }

                        returned[r] = labels[r] == 1;
                    }
                }

                return new OrderTable(name, plan.Features, num, cat, returned);
            }
            catch (Exception e) when (e is not DataFormatException)
            {
                throw new DataFormatException(name, null, null, $"cannot read row group {index}: {e.Message.ReplaceLineEndings(" ")}");
            }
        }

        // A null is the only missing value: a NaN stored in the file is a value (and invalid). The two NaNs are told apart
        // by their bits until validation, then a missing value is the ordinary NaN of OrderTable.
        private static readonly double NullMarker = BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_0B1EL);

        private static bool IsNull(double value) => BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(NullMarker);

        private double[] ReadNumbers(ParquetRowGroupReader group, DataField field, int count, long firstRow, bool allowNull)
        {
            var type = field.ClrType;
            return type == typeof(double) ? Read<double>(group, field, count, firstRow, allowNull)
                : type == typeof(float) ? Read<float>(group, field, count, firstRow, allowNull)
                : type == typeof(long) ? Read<long>(group, field, count, firstRow, allowNull)
                : type == typeof(int) ? Read<int>(group, field, count, firstRow, allowNull)
                : type == typeof(short) ? Read<short>(group, field, count, firstRow, allowNull)
                : type == typeof(sbyte) ? Read<sbyte>(group, field, count, firstRow, allowNull)
                : type == typeof(byte) ? Read<byte>(group, field, count, firstRow, allowNull)
                : type == typeof(ushort) ? Read<ushort>(group, field, count, firstRow, allowNull)
                : type == typeof(uint) ? Read<uint>(group, field, count, firstRow, allowNull)
                : type == typeof(ulong) ? Read<ulong>(group, field, count, firstRow, allowNull)
                : type == typeof(decimal) ? Read<decimal>(group, field, count, firstRow, allowNull)
                : throw new DataFormatException(name, null, field.Name, $"column type {type.Name} is not a number");
        }

        private double[] Read<T>(ParquetRowGroupReader group, DataField field, int count, long firstRow, bool allowNull)
            where T : struct, INumberBase<T>
        {
            var result = new double[count];
            if (field.IsNullable)
            {
                var values = new T?[count];
                group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
                for (var r = 0; r < count; r++)
                {
                    result[r] = values[r] is { } v ? double.CreateChecked(v)
                        : allowNull ? NullMarker
                        : throw new DataFormatException(name, firstRow + r, field.Name, "empty value: a number is required");
                }
            }
            else
            {
                var values = new T[count];
                group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
                for (var r = 0; r < count; r++)
                {
                    result[r] = double.CreateChecked(values[r]);
                }
            }

            return result;
        }

        private double[] ReadBooleans(ParquetRowGroupReader group, DataField field, int count, long firstRow)
        {
            var result = new double[count];
            if (field.IsNullable)
            {
                var values = new bool?[count];
                group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
                for (var r = 0; r < count; r++)
                {
                    result[r] = values[r] is { } v ? (v ? 1 : 0) : throw new DataFormatException(name, firstRow + r, field.Name, "empty value: 0 or 1 is required");
                }
            }
            else
            {
                var values = new bool[count];
                group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
                for (var r = 0; r < count; r++)
                {
                    result[r] = values[r] ? 1 : 0;
                }
            }

            return result;
        }

        // A target stored as text, or read against a positive value: 1 for that value (trimmed, any case; "1" when the
        // plan names none), 0 for any other; an empty label is an error, as in a CSV file.
        private bool[] ReadTextLabels(ParquetRowGroupReader group, DataField field, int count, long firstRow)
        {
            var positive = plan.Positive ?? "1";
            var result = new bool[count];
            if (field.ClrType == typeof(string))
            {
                var values = new string?[count];
                group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
                for (var r = 0; r < count; r++)
                {
                    var value = values[r]?.Trim();
                    result[r] = string.IsNullOrEmpty(value)
                        ? throw new DataFormatException(name, firstRow + r, field.Name, $"empty value: every order needs a label ('{positive}' means returned)")
                        : string.Equals(value, positive, StringComparison.OrdinalIgnoreCase);
                }

                return result;
            }

            var numbers = field.ClrType == typeof(bool) ? ReadBooleans(group, field, count, firstRow) : ReadNumbers(group, field, count, firstRow, allowNull: false);
            for (var r = 0; r < count; r++)
            {
                result[r] = string.Equals(numbers[r].ToString("R", CultureInfo.InvariantCulture), positive, StringComparison.OrdinalIgnoreCase)
                    || (field.ClrType == typeof(bool) && numbers[r] == 1 && positive.Equals("true", StringComparison.OrdinalIgnoreCase));
            }

            return result;
        }

        public void Dispose() => reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
