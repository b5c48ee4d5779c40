using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>
/// Scores from the shop's own model exported as ONNX (<c>--onnx FILE</c>), run by ONNX Runtime. Each model input is
/// one column of the table, matched by name and type: a numeric feature feeds a <c>float</c>, <c>double</c> or
/// <c>int64</c> input (whole numbers only), a categorical feature a <c>string</c> input, each of shape [n] or [n, 1] —
/// the per-column inputs that skl2onnx writes for a pipeline given one initial type per column. The probability of a
/// return is the output named by <c>--onnx-output</c>, else <c>probabilities</c> (a [n, 2] tensor: column 1),
/// else <c>output_probability</c> (the sequence of maps {0: p₀, 1: p₁} of skl2onnx's ZipMap: key 1), else the model's
/// only output ([n], [n, 1] or [n, 2]). Orders are run in slices of <see cref="SliceRows"/>, so memory is bounded.
/// </summary>
public sealed class OnnxScoreSource : IScoreSource, IDisposable
{
    /// <summary>Orders per call of the model.</summary>
    public const int SliceRows = 8192;

    /// <summary>The output name of skl2onnx's classifiers for the [n, 2] probability tensor.</summary>
    public const string ProbabilitiesOutput = "probabilities";

    /// <summary>The output name of skl2onnx's ZipMap: a sequence of maps from class to probability.</summary>
    public const string ZipMapOutput = "output_probability";

    private readonly InferenceSession session;
    private readonly string path;

    /// <summary>Opens the model and finds its probability output.</summary>
    /// <param name="path">The <c>.onnx</c> file.</param>
    /// <param name="output">The output holding the probability of a return, or null to find it (see the class summary).</param>
    /// <param name="threshold">The decision threshold, or null for 0.5.</param>
    /// <exception cref="DataFormatException">The file is missing, not an ONNX model, or has no output that can be the probability.</exception>
    public OnnxScoreSource(string path, string? output = null, double? threshold = null)
    {
        InputFiles.RequireFile(path, what: "ONNX model");
        this.path = path;
        Threshold = threshold is { } t ? ScoreRules.CheckThreshold(t) : ScoreRules.DefaultThreshold;
        try
        {
            session = new InferenceSession(path);
        }
        catch (OnnxRuntimeException e)
        {
            throw new DataFormatException(path, null, null, $"not an ONNX model ONNX Runtime can run: {e.Message.ReplaceLineEndings(" ")}");
        }

        var outputs = session.OutputMetadata.Keys.ToArray();
        Output = output is not null
            ? outputs.Contains(output) ? output : throw Fail($"the model has no output '{output}' (its outputs: {string.Join(", ", outputs)})")
            : outputs.Contains(ProbabilitiesOutput) ? ProbabilitiesOutput
            : outputs.Contains(ZipMapOutput) ? ZipMapOutput
            : outputs.Length == 1 ? outputs[0]
            : throw Fail($"cannot tell which output is the probability of a return (its outputs: {string.Join(", ", outputs)}): name it with --onnx-output");
    }

    /// <summary>The output read as the probability of a return.</summary>
    public string Output { get; }

    /// <summary>The model's inputs and their element types (e.g. <c>product_price (float)</c>), for messages and docs.</summary>
    public IReadOnlyList<string> Inputs => session.InputMetadata.Select(i => $"{i.Key} ({TypeName(i.Value)})").ToArray();

    /// <inheritdoc />
    public bool UsesFeatures => true;

    /// <inheritdoc />
    public string Description => $"ONNX model {Path.GetFileName(path)} (output '{Output}')";

    /// <inheritdoc />
    public double Threshold { get; }

    /// <inheritdoc />
    /// <exception cref="DataFormatException">
    /// The model's inputs do not match the table's columns (one message listing what the model wants and what the
    /// table has), the output is not a probability, or a score is NaN or outside [0, 1].
    /// </exception>
    public double[] Score(OrderTable orders, string? file)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var inputs = MatchInputs(orders);
        var scores = new double[orders.Count];
        for (var start = 0; start < orders.Count; start += SliceRows)
        {
            var rows = Math.Min(SliceRows, orders.Count - start);
            var values = inputs.Select(i => i.Create(orders, start, rows)).ToList();
            using var results = Run(values);
            Read(results[0], scores.AsSpan(start, rows));
        }

        ScoreRules.CheckProduced(scores, path, Output, orders.Source);
        return scores;
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();

    private IDisposableReadOnlyCollection<DisposableNamedOnnxValue> Run(List<NamedOnnxValue> values)
    {
        try
        {
            return session.Run(values, [Output]);
        }
        catch (OnnxRuntimeException e)
        {
            throw Fail($"the model failed to run: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private List<OnnxInput> MatchInputs(OrderTable orders)
    {
        var matched = new List<OnnxInput>();
        var problems = new List<string>();
        foreach (var (name, meta) in session.InputMetadata)
        {
            var feature = orders.Features.FirstOrDefault(f => f.Name == name);
            var type = meta.IsTensor ? meta.ElementType : null;
            var shapeOk = meta.IsTensor && (meta.Dimensions.Length == 1 || (meta.Dimensions.Length == 2 && meta.Dimensions[1] is 1 or -1));
            if (feature is null)
            {
                problems.Add($"{name} ({TypeName(meta)}) missing");
            }
            else if (!shapeOk || !OnnxInput.Accepts(feature.Kind, type))
            {
                problems.Add($"{name} ({TypeName(meta)}) is {(feature.Kind == FeatureKind.Numeric ? "numeric" : "categorical")} in the file");
            }
            else
            {
                matched.Add(new OnnxInput(name, feature, type!, meta.Dimensions.Length));
            }
        }

        if (problems.Count > 0)
        {
            var has = string.Join(", ", orders.Features.Select(f => $"{f.Name} ({(f.Kind == FeatureKind.Numeric ? "numeric" : "categorical")})"));
            throw Fail($"the model's inputs do not match {orders.Source}: {string.Join("; ", problems)} — the model wants {string.Join(", ", Inputs)} (numeric columns feed float, double or int64 inputs, categorical ones string inputs, each of shape [n] or [n,1]); the file has {has}");
        }

        return matched;
    }

    private void Read(DisposableNamedOnnxValue result, Span<double> scores)
    {
        if (result.ValueType == OnnxValueType.ONNX_TYPE_SEQUENCE)
        {
            var maps = result.AsEnumerable<DisposableNamedOnnxValue>().ToArray();
            Expect(maps.Length == scores.Length, $"a sequence of {maps.Length} maps for {scores.Length} orders");
            for (var i = 0; i < maps.Length; i++)
            {
                scores[i] = ReturnProbability(maps[i]);
            }

            return;
        }

        Expect(result.ValueType == OnnxValueType.ONNX_TYPE_TENSOR, $"a {result.ValueType} output");
        var (values, dimensions) = result.Value switch
        {
            Tensor<float> f => (f.Select(v => (double)v).ToArray(), f.Dimensions.ToArray()),
            Tensor<double> d => (d.ToArray(), d.Dimensions.ToArray()),
            _ => throw Fail($"output '{Output}' holds {result.Value?.GetType().Name ?? "nothing"}: a probability must be float or double"),
        };
        var width = dimensions.Length switch
        {
            1 when dimensions[0] == scores.Length => 1,
            2 when dimensions[0] == scores.Length && dimensions[1] is 1 or 2 => dimensions[1],
            _ => throw Fail($"output '{Output}' has shape [{string.Join(",", dimensions)}] for {scores.Length} orders: expected [n], [n,1] or [n,2]"),
        };
        for (var i = 0; i < scores.Length; i++)
        {
            // [n, 2]: the classes' probabilities, return = class 1.
            scores[i] = values[(i * width) + width - 1];
        }
    }

    private double ReturnProbability(DisposableNamedOnnxValue map)
    {
        if (map.Value is IDictionary<long, float> byLong && byLong.TryGetValue(1, out var p))
        {
            return p;
        }

        if (map.Value is IDictionary<string, float> byText && byText.TryGetValue("1", out var q))
        {
            return q;
        }

        throw Fail($"output '{Output}' holds maps without class 1: expected {{0: p0, 1: p1}}");
    }

    private void Expect(bool ok, string what)
    {
        if (!ok)
        {
            throw Fail($"output '{Output}' is {what}: expected the probability of a return per order");
        }
    }

    private DataFormatException Fail(string problem) => new(path, null, null, problem);

    private static string TypeName(NodeMetadata meta) => meta.IsTensor
        ? OnnxInput.TypeName(meta.ElementType) + (meta.Dimensions.Length > 0 ? $" [{string.Join(",", meta.Dimensions.Select(d => d < 0 ? "n" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]" : "")
        : meta.OnnxValueType.ToString();
}
