namespace ReturnMonitor.Drift;

/// <summary>
/// Minimal double-double arithmetic (an unevaluated sum hi + lo, about 106 bits of significand), enough to evaluate
/// the one-sided Smirnov distribution the way scipy's cephes <c>kolmogorov.c</c> does (it uses the QD library's
/// double2). Error-free transformations: Knuth's two-sum and an FMA-based two-product.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static readonly DoubleDouble Zero = new(0, 0);
    public static readonly DoubleDouble One = new(1, 0);

    public bool IsZero => Hi == 0;

    public bool IsFinite => double.IsFinite(Hi);

    public double ToDouble() => Hi + Lo;

    public static implicit operator DoubleDouble(double value) => new(value, 0);

    /// <summary>Exact a + b.</summary>
    public static DoubleDouble Sum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        var err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    /// <summary>Exact a · b.</summary>
    public static DoubleDouble Product(double a, double b)
    {
        var p = a * b;
        var err = Math.FusedMultiplyAdd(a, b, -p);
        return new DoubleDouble(p, err);
    }

    /// <summary>a / b to double-double accuracy.</summary>
    public static DoubleDouble Quotient(double a, double b)
    {
        var q1 = a / b;
        var p = Product(q1, b);
        var s = Sum(a, -p.Hi);
        var e = s.Lo - p.Lo;
        var q2 = (s.Hi + e) / b;
        return QuickSum(q1, q2);
    }

    private static DoubleDouble QuickSum(double a, double b)
    {
        var s = a + b;
        var err = b - (s - a);
        return new DoubleDouble(s, err);
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s = Sum(a.Hi, b.Hi);
        var t = Sum(a.Lo, b.Lo);
        var lo = s.Lo + t.Hi;
        var r = QuickSum(s.Hi, lo);
        lo = t.Lo + r.Lo;
        return QuickSum(r.Hi, lo);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        var p = Product(a.Hi, b.Hi);
        var lo = p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi);
        return QuickSum(p.Hi, lo);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        var q1 = a.Hi / b.Hi;
        var r = a - q1 * b;
        var q2 = r.Hi / b.Hi;
        r -= q2 * b;
        var q3 = r.Hi / b.Hi;
        return QuickSum(q1, q2) + q3;
    }

    public DoubleDouble Floor()
    {
        var hi = Math.Floor(Hi);
        if (hi != Hi)
        {
            return new DoubleDouble(hi, 0);
        }

        return QuickSum(hi, Math.Floor(Lo));
    }

    public DoubleDouble ScaleB(int exponent) => new(Math.ScaleB(Hi, exponent), Math.ScaleB(Lo, exponent));

    /// <summary>Like C's frexp on the leading part: returns the value scaled so that |Hi| is in [0.5, 1).</summary>
    public DoubleDouble Frexp(out int exponent)
    {
        var hi = Frexp(Hi, out exponent);
        return new DoubleDouble(hi, Math.ScaleB(Lo, -exponent));
    }

    /// <summary>C's frexp: x = m·2^e with |m| in [0.5, 1), or (x, 0) for 0, infinities and NaN.</summary>
    public static double Frexp(double x, out int exponent)
    {
        if (x == 0 || !double.IsFinite(x))
        {
            exponent = 0;
            return x;
        }

        exponent = Math.ILogB(x) + 1;
        return Math.ScaleB(x, -exponent);
    }
}
