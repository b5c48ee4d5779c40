using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Collects parsed orders into the columns of an <see cref="OrderTable"/> (the table reader's sink). Category strings
/// repeat millions of times in a large file: one instance of each is kept, found again from its bytes.
/// </summary>
internal sealed class OrderColumnsBuilder
{
    private readonly ReadPlan plan;
    private readonly List<double>[] numeric;
    private readonly List<string>[] categorical;
    private readonly List<bool>? returned;
    private readonly Utf8KeyCache<string>[] recent;
    private readonly Dictionary<string, string>[] interned;

    public OrderColumnsBuilder(ReadPlan plan, bool labelled, int capacity)
    {
        this.plan = plan;
        numeric = plan.NumericFeatures.Select(_ => new List<double>(capacity)).ToArray();
        categorical = plan.CategoricalFeatures.Select(_ => new List<string>(capacity)).ToArray();
        recent = plan.CategoricalFeatures.Select(_ => new Utf8KeyCache<string>()).ToArray();
        interned = plan.CategoricalFeatures.Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();
        returned = labelled ? new List<bool>(capacity) : null;
    }

    /// <summary>Orders collected.</summary>
    public int Count { get; private set; }

    /// <summary>The table of the orders collected.</summary>
    public OrderTable Build(string source) => OrderTableBuilder.FromColumns(source, plan, numeric, categorical, returned?.ToArray());

    private string Intern(int feature, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return OrderTable.MissingCategory;
        }

        if (recent[feature].TryGet(utf8, out var known))
        {
            return known;
        }

        var text = Encoding.UTF8.GetString(utf8);
        if (!interned[feature].TryGetValue(text, out var value))
        {
            value = interned[feature][text] = text;
        }

        recent[feature].Add(utf8, value);
        return value;
    }

    /// <summary>The parser's view of the builder.</summary>
    public readonly struct Sink(OrderColumnsBuilder columns) : IOrderRowSink
    {
        public void Number(int feature, double value, long mantissa, int scale) => columns.numeric[feature].Add(value);

        public void Category(int feature, ReadOnlySpan<byte> utf8) => columns.categorical[feature].Add(columns.Intern(feature, utf8));

        public void EndRow(int returned)
        {
            columns.returned?.Add(returned == 1);
            columns.Count++;
        }
    }
}
