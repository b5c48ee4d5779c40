using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>One input of an ONNX model fed from one column of a table (see <see cref="OnnxScoreSource"/>).</summary>
/// <param name="Name">The input's name, equal to the column's.</param>
/// <param name="Feature">The column.</param>
/// <param name="ElementType">The input's element type: float, double, long or string.</param>
/// <param name="Rank">1 for shape [n], 2 for [n, 1].</param>
internal sealed record OnnxInput(string Name, FeatureDefinition Feature, Type ElementType, int Rank)
{
    /// <summary>Whether a column of <paramref name="kind"/> can feed an input of <paramref name="type"/>.</summary>
    public static bool Accepts(FeatureKind kind, Type? type) => kind == FeatureKind.Numeric
        ? type == typeof(float) || type == typeof(double) || type == typeof(long)
        : type == typeof(string);

    /// <summary>ONNX's name of an element type.</summary>
    public static string TypeName(Type type) =>
        type == typeof(float) ? "float" : type == typeof(double) ? "double" : type == typeof(long) ? "int64" : type == typeof(string) ? "string" : type.Name.ToLowerInvariant();

    /// <summary>The input's value for orders <paramref name="start"/> to <paramref name="start"/> + <paramref name="rows"/> − 1.</summary>
    /// <exception cref="DataFormatException">An int64 input fed a value that is not a whole number.</exception>
    public NamedOnnxValue Create(OrderTable orders, int start, int rows)
    {
        int[] shape = Rank == 1 ? [rows] : [rows, 1];
        if (Feature.Kind == FeatureKind.Categorical)
        {
            var categories = orders.Categorical(Name);
            var text = new string[rows];
            for (var i = 0; i < rows; i++)
            {
                text[i] = categories[start + i];
            }

            return NamedOnnxValue.CreateFromTensor(Name, new DenseTensor<string>(text, shape));
        }

        var values = orders.Numeric(Name).Slice(start, rows);
        if (ElementType == typeof(double))
        {
            return NamedOnnxValue.CreateFromTensor(Name, new DenseTensor<double>(values.ToArray(), shape));
        }

        if (ElementType == typeof(float))
        {
            var floats = new float[rows];
            for (var i = 0; i < rows; i++)
            {
                floats[i] = (float)values[i];
            }

            return NamedOnnxValue.CreateFromTensor(Name, new DenseTensor<float>(floats, shape));
        }

        var whole = new long[rows];
        for (var i = 0; i < rows; i++)
        {
            whole[i] = values[i] == Math.Floor(values[i]) && Math.Abs(values[i]) < 9e15
                ? (long)values[i]
                : throw new DataFormatException(orders.Source, null, Name, $"order {start + i + 1}: {values[i].ToString("R", CultureInfo.InvariantCulture)} is not a whole number, and the ONNX model's input '{Name}' is int64");
        }

        return NamedOnnxValue.CreateFromTensor(Name, new DenseTensor<long>(whole, shape));
    }
}
