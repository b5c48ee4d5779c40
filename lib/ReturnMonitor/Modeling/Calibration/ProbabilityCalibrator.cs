namespace ReturnMonitor.Modeling;

/// <summary>
/// Maps the model's scores to calibrated probabilities of return, fitted on labelled held-out orders. Immutable; its
/// parameters are public so that it can be stored next to the model (<c>monitoring.json</c>) and rebuilt with
/// <see cref="FromParameters"/>.
/// </summary>
public sealed class ProbabilityCalibrator
{
    /// <summary>Scores are clipped to [ε, 1 − ε] before taking log-odds for Platt scaling (forest scores can be exactly 0 or 1).</summary>
    public const double LogitEpsilon = 1e-4;

    private ProbabilityCalibrator(CalibrationMethod method, double a, double b, double[] x, double[] y)
    {
        Method = method;
        PlattA = a;
        PlattB = b;
        IsotonicX = x;
        IsotonicY = y;
    }

    /// <summary>The mapping used.</summary>
    public CalibrationMethod Method { get; }

    /// <summary>Platt slope A in p = 1 / (1 + exp(A·logit(s) + B)); 0 for other methods.</summary>
    public double PlattA { get; }

    /// <summary>Platt intercept B; 0 for other methods.</summary>
    public double PlattB { get; }

    /// <summary>Isotonic knots: scores, increasing (empty for other methods).</summary>
    public IReadOnlyList<double> IsotonicX { get; }

    /// <summary>Isotonic knots: calibrated probabilities at <see cref="IsotonicX"/>, non-decreasing.</summary>
    public IReadOnlyList<double> IsotonicY { get; }

    /// <summary>The calibrator that changes nothing.</summary>
    public static ProbabilityCalibrator Identity { get; } = new(CalibrationMethod.Identity, 0, 0, [], []);

    /// <summary>Rebuilds a calibrator from stored parameters.</summary>
    /// <exception cref="ArgumentException">The parameters are inconsistent (knots of unequal length, decreasing, or outside [0, 1]).</exception>
    public static ProbabilityCalibrator FromParameters(CalibrationMethod method, double a, double b, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (method == CalibrationMethod.Isotonic)
        {
            if (x.Count == 0 || x.Count != y.Count)
            {
                throw new ArgumentException("isotonic calibration needs as many probabilities as scores, at least one");
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!(y[i] >= 0 && y[i] <= 1) || (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])))
                {
                    throw new ArgumentException("isotonic knots must have increasing scores and non-decreasing probabilities in [0, 1]");
                }
            }
        }

        return method == CalibrationMethod.Identity ? Identity : new ProbabilityCalibrator(method, a, b, [.. x], [.. y]);
    }

    /// <summary>
    /// Platt scaling on log-odds with Platt's smoothed targets ((N₊ + 1)/(N₊ + 2) for returned, 1/(N₋ + 2) for kept), fitted by
    /// Newton's method with step halving on the cross-entropy.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static ProbabilityCalibrator FitPlatt(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Check(labels, scores);
        var n = labels.Length;
        var f = new double[n];
        var t = new double[n];
        double positives = 0;
        foreach (var label in labels)
        {
            positives += label ? 1 : 0;
        }

        var negatives = n - positives;
        var hi = (positives + 1) / (positives + 2);
        var lo = 1 / (negatives + 2);
        for (var i = 0; i < n; i++)
        {
            f[i] = Logit(scores[i]);
            t[i] = labels[i] ? hi : lo;
        }

        double a = 0, b = Math.Log((negatives + 1) / (positives + 1));
        var loss = PlattLoss(f, t, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (var i = 0; i < n; i++)
            {
                var p = 1 / (1 + Math.Exp(a * f[i] + b));
                var d = t[i] - p;
                var w = p * (1 - p);
                ga += d * f[i];
                gb += d;
                haa += w * f[i] * f[i];
                hab += w * f[i];
                hbb += w;
            }

            var det = haa * hbb - hab * hab;
            var da = -(hbb * ga - hab * gb) / det;
            var db = -(haa * gb - hab * ga) / det;
            var step = 1.0;
            var improved = false;
            while (step > 1e-10)
            {
                var candidate = PlattLoss(f, t, a + step * da, b + step * db);
                if (candidate < loss + 1e-4 * step * (ga * da + gb * db))
                {
                    a += step * da;
                    b += step * db;
                    improved = Math.Abs(loss - candidate) > 1e-12 * Math.Max(1, Math.Abs(loss));
                    loss = candidate;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return new ProbabilityCalibrator(CalibrationMethod.Platt, a, b, [], []);
    }

    /// <summary>
    /// Isotonic regression by pool-adjacent-violators: orders with equal scores are pooled first, then adjacent groups
    /// whose return rate decreases are merged (weighted by size) until the rates are non-decreasing in the score.
    /// Only the two end knots of each constant run are kept (interpolation is unchanged).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or no orders.</exception>
    public static ProbabilityCalibrator FitIsotonic(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        Check(labels, scores);
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        var xs = new List<double>();
        var values = new List<double>();
        var weights = new List<double>();
        var firstX = new List<int>();
        for (var k = 0; k < keys.Length;)
        {
            var end = k;
            double returned = 0;
            while (end < keys.Length && keys[end] == keys[k])
            {
                returned += labels[order[end]] ? 1 : 0;
                end++;
            }

            xs.Add(keys[k]);
            var value = returned / (end - k);
            double weight = end - k;
            var first = xs.Count - 1;
            // Merge with previous blocks while they violate monotonicity.
            while (values.Count > 0 && values[^1] > value)
            {
                value = (values[^1] * weights[^1] + value * weight) / (weights[^1] + weight);
                weight += weights[^1];
                first = firstX[^1];
                values.RemoveAt(values.Count - 1);
                weights.RemoveAt(weights.Count - 1);
                firstX.RemoveAt(firstX.Count - 1);
            }

            values.Add(value);
            weights.Add(weight);
            firstX.Add(first);
            k = end;
        }

        var knotX = new List<double>();
        var knotY = new List<double>();
        for (var block = 0; block < values.Count; block++)
        {
            var start = firstX[block];
            var last = block + 1 < values.Count ? firstX[block + 1] - 1 : xs.Count - 1;
            knotX.Add(xs[start]);
            knotY.Add(values[block]);
            if (last > start)
            {
                knotX.Add(xs[last]);
                knotY.Add(values[block]);
            }
        }

        return new ProbabilityCalibrator(CalibrationMethod.Isotonic, 0, 0, [.. knotX], [.. knotY]);
    }

    /// <summary>The calibrated probability of one score, in [0, 1].</summary>
    public double Apply(double score) => Method switch
    {
        CalibrationMethod.Platt => 1 / (1 + Math.Exp(PlattA * Logit(score) + PlattB)),
        CalibrationMethod.Isotonic => Interpolate(score),
        _ => Math.Clamp(score, 0, 1),
    };

    /// <summary>The calibrated probabilities of many scores.</summary>
    public double[] Apply(ReadOnlySpan<double> scores)
    {
        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            result[i] = Apply(scores[i]);
        }

        return result;
    }

    private double Interpolate(double score)
    {
        var x = (double[])IsotonicX;
        var y = (double[])IsotonicY;
        if (score <= x[0])
        {
            return y[0];
        }

        if (score >= x[^1])
        {
            return y[^1];
        }

        var index = Array.BinarySearch(x, score);
        if (index >= 0)
        {
            return y[index];
        }

        var right = ~index;
        var left = right - 1;
        return y[left] + (y[right] - y[left]) * (score - x[left]) / (x[right] - x[left]);
    }

    private static double Logit(double score)
    {
        var s = Math.Clamp(score, LogitEpsilon, 1 - LogitEpsilon);
        return Math.Log(s / (1 - s));
    }

    private static double PlattLoss(double[] f, double[] t, double a, double b)
    {
        double loss = 0;
        for (var i = 0; i < f.Length; i++)
        {
            var z = a * f[i] + b;
            // log(1 + e^z) − (1 − t)·z, computed without overflow.
            var softplus = z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
            loss += softplus - (1 - t[i]) * z;
        }

        return loss;
    }

    private static void Check(ReadOnlySpan<bool> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length || labels.Length == 0)
        {
            throw new ArgumentException($"calibration needs as many labels as scores (got {labels.Length} and {scores.Length}), at least one");
        }
    }
}
