using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Analysis;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Interactive;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Formatting;

/// <summary>
/// Turns displayed values into nbformat outputs, deterministically: invariant culture, no timestamps,
/// no machine paths, no random ids.
/// </summary>
public sealed class ValueFormatter
{
    private const int MaxNestedItems = 10;

    /// <summary>Creates a formatter.</summary>
    /// <param name="maxTableRows">Rows shown for tables (DataFrame, sequences); the rest is summarised in a note.</param>
    public ValueFormatter(int maxTableRows = 50)
    {
        MaxTableRows = maxTableRows;
    }

    /// <summary>Rows shown for tables.</summary>
    public int MaxTableRows { get; }

    /// <summary>
    /// Formats <paramref name="value"/> into one or more outputs. Charts are registered with <paramref name="charts"/>
    /// and get their PNG later.
    /// </summary>
    public IReadOnlyList<JsonObject> Format(object? value, IReadOnlyList<string> mimeTypes, ChartCollector charts)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        ArgumentNullException.ThrowIfNull(charts);
        if (mimeTypes.Count > 0 && value is string s)
        {
            // display("<b>x</b>", "text/html"): the caller states the mime type of the text.
            return [OutputBuilder.DisplayData(mimeTypes.Distinct(StringComparer.Ordinal).Select(m => new KeyValuePair<string, string>(m, s)))];
        }
        var outputs = FormatCore(value, charts);
        if (mimeTypes.Count > 0)
        {
            // Keep only the requested representations where the value has them.
            foreach (var o in outputs)
            {
                if (o["data"] is JsonObject data && data.Any(kv => mimeTypes.Contains(kv.Key)))
                {
                    foreach (var key in data.Select(kv => kv.Key).Where(k => !mimeTypes.Contains(k)).ToList())
                    {
                        data.Remove(key);
                    }
                }
            }
        }
        return outputs;
    }

    private List<JsonObject> FormatCore(object? value, ChartCollector charts)
    {
        switch (value)
        {
            case null:
                return [Text("<null>")];
            case HtmlString html:
                return [OutputBuilder.DisplayData([new("text/html", html.Html)])];
            case string str:
                return [Text(str)];
            case Plotly.NET.GenericChart chart:
                return charts.Add(chart);
            case DataFrame df:
                {
                    var table = FromDataFrame(df);
                    return [Table(table)];
                }
        }
        var type = value.GetType();
        if (IsScalar(type))
        {
            return [Text(FormatScalar(value))];
        }
        var toHtml = type.GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (toHtml is not null && toHtml.ReturnType == typeof(string))
        {
            var html = (string?)toHtml.Invoke(value, null) ?? string.Empty;
            return [OutputBuilder.DisplayData([new("text/html", html), new("text/plain", value.ToString() ?? type.Name)])];
        }
        if (value is IEnumerable enumerable)
        {
            return [Table(FromSequence(enumerable, type))];
        }
        var props = TableProperties(type);
        if (props.Count > 0)
        {
            var row = props.Select(p => FormatCell(SafeGet(p, value))).ToList();
            var table = new TableModel(props.Select(p => p.Name).ToList(), [row]);
            return [OutputBuilder.DisplayData([new("text/html", table.ToHtml()), new("text/plain", value.ToString() ?? table.ToText())])];
        }
        return [Text(value.ToString() ?? type.Name)];
    }

    private static JsonObject Text(string text) => OutputBuilder.DisplayData([new("text/plain", text)]);

    private static JsonObject Table(TableModel table) =>
        OutputBuilder.DisplayData([new("text/html", table.ToHtml()), new("text/plain", table.ToText())]);

    /// <summary>Builds a table from a DataFrame (first <see cref="MaxTableRows"/> rows).</summary>
    public TableModel FromDataFrame(DataFrame df)
    {
        ArgumentNullException.ThrowIfNull(df);
        var headers = df.Columns.Select(c => c.Name).ToList();
        var total = df.Rows.Count;
        var shown = Math.Min(total, MaxTableRows);
        var rows = new List<IReadOnlyList<string>>();
        for (long r = 0; r < shown; r++)
        {
            rows.Add(df.Columns.Select(c => FormatCell(c[r])).ToList());
        }
        var note = total > shown ? string.Create(CultureInfo.InvariantCulture, $"showing {shown} of {total} rows") : null;
        return new TableModel(headers, rows, note);
    }

    /// <summary>Builds a table from a sequence: public properties of the element type become columns.</summary>
    public TableModel FromSequence(IEnumerable sequence, Type? sequenceType = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var items = new List<object?>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == MaxTableRows)
            {
                more = true;
                break;
            }
            items.Add(item);
        }
        var elementType = ElementType(sequenceType ?? sequence.GetType());
        if (elementType is null || elementType == typeof(object) || elementType.IsInterface || elementType.IsAbstract)
        {
            var runtimeTypes = items.Where(i => i is not null).Select(i => i!.GetType()).Distinct().ToList();
            elementType = runtimeTypes.Count == 1 ? runtimeTypes[0] : elementType;
        }
        var props = elementType is null || IsScalar(elementType) ? [] : TableProperties(elementType);
        List<IReadOnlyList<string>> rows;
        List<string> headers;
        if (props.Count == 0)
        {
            headers = ["value"];
            rows = items.Select(i => (IReadOnlyList<string>)[FormatCell(i)]).ToList();
        }
        else
        {
            headers = props.Select(p => p.Name).ToList();
            rows = items.Select(i => (IReadOnlyList<string>)props.Select(p => i is not null && p.DeclaringType!.IsInstanceOfType(i) ? FormatCell(SafeGet(p, i)) : string.Empty).ToList()).ToList();
        }
        var note = more ? string.Create(CultureInfo.InvariantCulture, $"showing the first {MaxTableRows} rows") : null;
        return new TableModel(headers, rows, note);
    }

    /// <summary>Formats a scalar with the invariant culture.</summary>
    public static string FormatScalar(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        bool b => b ? "True" : "False",
        char c => c.ToString(),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Formats a value inside a table cell (null is empty; nested sequences are abbreviated).</summary>
    public static string FormatCell(object? value)
    {
        if (value is null)
        {
            return string.Empty;
        }
        var type = value.GetType();
        if (IsScalar(type))
        {
            return FormatScalar(value);
        }
        if (value is IEnumerable seq)
        {
            var sb = new StringBuilder("[");
            var n = 0;
            foreach (var item in seq)
            {
                if (n > 0)
                {
                    sb.Append(", ");
                }
                if (n == MaxNestedItems)
                {
                    sb.Append('…');
                    break;
                }
                sb.Append(item is null ? "null" : IsScalar(item.GetType()) ? FormatScalar(item) : item.ToString());
                n++;
            }
            return sb.Append(']').ToString();
        }
        return value.ToString() ?? string.Empty;
    }

    /// <summary>Whether a type is shown as a single text value.</summary>
    public static bool IsScalar(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(DateOnly) || t == typeof(TimeOnly)
            || t == typeof(Guid) || t == typeof(Uri) || t == typeof(Half) || t == typeof(System.Numerics.BigInteger)
            || t == typeof(Int128) || t == typeof(UInt128)
            || (typeof(IFormattable).IsAssignableFrom(t) && TableProperties(t).Count == 0);
    }

    private static Type? ElementType(Type sequenceType)
    {
        if (sequenceType.IsArray)
        {
            return sequenceType.GetElementType();
        }
        var enumerable = sequenceType.IsGenericType && sequenceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? sequenceType
            : sequenceType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static List<PropertyInfo> TableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true }
                        && !(p.Name == "EqualityContract" && p.PropertyType == typeof(Type)))
            .OrderBy(p => DeclarationDepth(type, p.DeclaringType!))
            .ThenBy(p => p.MetadataToken)
            .ToList();

    private static int DeclarationDepth(Type type, Type declaring)
    {
        // Base-class properties first, like a record's PrintMembers.
        var depth = 0;
        for (var t = type; t is not null && t != declaring; t = t.BaseType)
        {
            depth++;
        }
        return -depth;
    }

    private static object? SafeGet(PropertyInfo p, object target)
    {
        try
        {
            return p.GetValue(target);
        }
        catch (TargetInvocationException ex)
        {
            return "<" + (ex.InnerException ?? ex).GetType().Name + ">";
        }
    }
}
