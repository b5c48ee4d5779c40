using Microsoft.ML;
using Microsoft.ML.Data;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// An <see cref="OrderTable"/> as an ML.NET <see cref="IDataView"/>, built from <see cref="ModelFeatures"/>: one float
/// column per numeric feature (the double cast to float, as ML.NET's trainers take it), one text column per categorical
/// feature (mapped by its <see cref="CategoryVocabulary"/>), and the boolean <c>Label</c>. Read in table order by a single
/// cursor, straight from the table's columns — no row object per order.
/// </summary>
internal sealed class TableDataView : IDataView
{
    private readonly double[][] numeric;
    private readonly string[][] categorical;
    private readonly bool[] labels;

    public TableDataView(ModelFeatures features, OrderTable table, bool[]? labels)
    {
        Schema = SchemaOf(features);
        numeric = features.Numeric.Select(f => table.Numeric(f.Name).ToArray()).ToArray();
        categorical = features.Categorical.Select(f =>
        {
            var vocabulary = features.Vocabularies[f.Name];
            return table.Categorical(f.Name).Select(vocabulary.Map).ToArray();
        }).ToArray();
        this.labels = labels ?? (table.HasTarget ? table.Returned.ToArray() : new bool[table.Count]);
        if (this.labels.Length != table.Count)
        {
            throw new ArgumentException($"{labels!.Length} labels for {table.Count} orders", nameof(labels));
        }
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    /// <summary>The schema of the view: numeric inputs, categorical inputs, then <c>Label</c>.</summary>
    public static DataViewSchema SchemaOf(ModelFeatures features)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var feature in features.Numeric)
        {
            builder.AddColumn(ModelColumns.Input(feature), NumberDataViewType.Single);
        }

        foreach (var feature in features.Categorical)
        {
            builder.AddColumn(ModelColumns.Input(feature), TextDataViewType.Instance);
        }

        builder.AddColumn(ModelColumns.Label, BooleanDataViewType.Instance);
        return builder.ToSchema();
    }

    public long? GetRowCount() => labels.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    // One cursor: rows come in table order, which keeps training deterministic.
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(TableDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long position = -1;

        public override long Position => position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override bool MoveNext()
        {
            if (position + 1 >= view.labels.Length)
            {
                position = view.labels.Length;
                return false;
            }

            position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var index = column.Index;
            Delegate getter;
            if (index < view.numeric.Length)
            {
                var values = view.numeric[index];
                getter = (ValueGetter<float>)((ref float value) => value = (float)values[position]);
            }
            else if (index < view.numeric.Length + view.categorical.Length)
            {
                var values = view.categorical[index - view.numeric.Length];
                getter = (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => value = values[position].AsMemory());
            }
            else
            {
                getter = (ValueGetter<bool>)((ref bool value) => value = view.labels[position]);
            }

            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"column '{column.Name}' is not of type {typeof(TValue).Name}");
        }
    }
}
