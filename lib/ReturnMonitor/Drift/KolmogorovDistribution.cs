namespace ReturnMonitor.Drift;

/// <summary>
/// The distribution of the one-sample two-sided Kolmogorov–Smirnov statistic D_n for finite n
/// (scipy.stats.kstwo) and the one-sided Smirnov distribution (scipy.special.smirnov).
/// A re-implementation of the algorithms of scipy 1.10.1 <c>scipy/stats/_ksstats.py</c> (<c>_kolmogn</c>: the
/// Simard–L'Ecuyer selection between Ruben–Gambino closed forms, the Durbin matrix algorithm as done by
/// Marsaglia–Tsang–Wang, the Pomeranz recursion, the Pelz–Good asymptotic series and 2·smirnov) and of cephes
/// <c>kolmogorov.c</c> (<c>_smirnov</c>: Birnbaum–Tingey sum in double-double, Miller's approximation above n = 10^6),
/// with the same branch points so that results agree with scipy to rounding.
/// </summary>
internal static class KolmogorovDistribution
{
    private const int E128 = 128;
    private static readonly double Ep128 = Math.ScaleB(1.0, E128);
    private static readonly double Em128 = Math.ScaleB(1.0, -E128);
    private static readonly double Sqrt2Pi = Math.Sqrt(2 * Math.PI);
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);
    private const double MinLog = -708;
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private const double PiSquared = Math.PI * Math.PI;
    private static readonly double PiFour = Math.Pow(Math.PI, 4);
    private static readonly double PiSix = Math.Pow(Math.PI, 6);

    /// <summary>cephes MINLOG, log(2^-1075): exp() of anything smaller is 0.</summary>
    private const double CephesMinLog = -7.451332191019412076235E2;

    private const int SmirnovMaxComputeN = 1000000;

    /// <summary>C's DBL_EPSILON, 2^-52 (not .NET's double.Epsilon, the smallest subnormal).</summary>
    private const double DblEpsilon = 2.220446049250313e-16;

    // Bernoulli-number coefficients B_{2j}/(2j)/(2j-1) of Stirling's series, highest power first (for Horner).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>
    /// Survival function P(D_n ≥ x) as <c>scipy.stats.kstwo.sf(x, n)</c>: 1 for x ≤ 1/(2n) (below the support),
    /// 0 for x ≥ 1, NaN when n is not a positive integer or x is NaN.
    /// </summary>
    public static double KsTwoSf(double x, double n)
    {
        if (double.IsNaN(x) || double.IsNaN(n) || !(n >= 1) || n != Math.Round(n))
        {
            return double.NaN;
        }

        if (x <= 0.5 / n)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        return Kolmogn(checked((int)n), x, cdf: false);
    }

    /// <summary>CDF (or SF) of D_n at x, as scipy's <c>_kolmogn(n, x, cdf)</c>.</summary>
    public static double Kolmogn(int n, double x, bool cdf)
    {
        if (n <= 0)
        {
            return double.NaN;
        }

        if (x >= 1.0)
        {
            return Select(1.0, 0.0, cdf);
        }

        if (x <= 0.0)
        {
            return Select(0.0, 1.0, cdf);
        }

        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/(2n) ≤ x ≤ 1/n.
            if (t <= 0.5)
            {
                return Select(0.0, 1.0, cdf);
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                var oneOverN = 1.0 / n;
                var twoTMinusOne = 2 * t - 1;
                for (var i = 1; i <= n; i++)
                {
                    prob *= i * oneOverN * twoTMinusOne;
                }
            }
            else
            {
                prob = Math.Exp(LogNFactorialOverNToTheN(n) + n * Math.Log(2 * t - 1));
            }

            return Select(prob, 1.0 - prob, cdf);
        }

        if (t >= n - 1)
        {
            // Ruben–Gambino: 1 − 1/n ≤ x < 1.
            var prob = 2 * Math.Pow(1.0 - x, n);
            return Select(1 - prob, prob, cdf);
        }

        if (x >= 0.5)
        {
            // Exact: the one-sided events cannot both happen.
            var prob = 2 * SmirnovSf(n, x);
            return Select(1.0 - prob, prob, cdf);
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                var prob = DurbinMatrixCdf(n, x);
                return Select(prob, 1.0 - prob, cdf);
            }

            if (nxSquared <= 4)
            {
                var prob = PomeranzCdf(n, x);
                return Select(prob, 1.0 - prob, cdf);
            }

            var p2 = 2 * SmirnovSf(n, x);
            return Select(1.0 - p2, p2, cdf);
        }

        if (!cdf)
        {
            if (nxSquared >= 370.0)
            {
                return 0.0;
            }

            if (nxSquared >= 2.2)
            {
                return Clip(2 * SmirnovSf(n, x));
            }
        }

        double cdfProb;
        if (nxSquared >= 18.0)
        {
            cdfProb = 1.0;
        }
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdfProb = DurbinMatrixCdf(n, x);
        }
        else
        {
            cdfProb = PelzGoodCdf(n, x);
        }

        return Select(cdfProb, 1.0 - cdfProb, cdf);
    }

    private static double Clip(double p) => double.IsNaN(p) ? p : Math.Clamp(p, 0.0, 1.0);

    private static double Select(double cdfProb, double sfProb, bool cdf) => Clip(cdf ? cdfProb : sfProb);

    /// <summary>log(n!/n^n) by Stirling's series with n·log(n) removed up front.</summary>
    private static double LogNFactorialOverNToTheN(double n)
    {
        var rn = 1.0 / n;
        var x = rn / n;
        var poly = 0.0;
        foreach (var c in StirlingCoefficients)
        {
            poly = poly * x + c;
        }

        return Math.Log(n) / 2 - n + Log2Pi / 2 + rn * poly;
    }

    /// <summary>P(D_n ≤ d) by Durbin's matrix algorithm (Marsaglia, Tsang &amp; Wang 2003), clipped to [0, 1].</summary>
    internal static double DurbinMatrixCdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var m = 2 * k - 1;

        var v = new double[m];
        var w = new double[m];
        var fac = 1.0;
        for (var j = 1; j <= m; j++)
        {
            v[j - 1] = 1.0 - Math.Pow(h, j);
            w[j - 1] = fac;
            fac /= j;
            v[j - 1] *= fac;
        }

        var tt = Math.Pow(Math.Max(2 * h - 1.0, 0), m) - 2 * Math.Pow(h, m);
        v[m - 1] = (1.0 + tt) * fac;

        var hMatrix = new double[m, m];
        for (var i = 1; i < m; i++)
        {
            for (var r = i - 1; r < m; r++)
            {
                hMatrix[r, i] = w[r - (i - 1)];
            }
        }

        for (var r = 0; r < m; r++)
        {
            hMatrix[r, 0] = v[r];
        }

        for (var c = 0; c < m; c++)
        {
            hMatrix[m - 1, c] = v[m - 1 - c];
        }

        var power = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            power[i, i] = 1.0;
        }

        var nn = n;
        var exponent = 0;
        var hExponent = 0;
        while (nn > 0)
        {
            if (nn % 2 == 1)
            {
                power = Multiply(power, hMatrix);
                exponent += hExponent;
            }

            hMatrix = Multiply(hMatrix, hMatrix);
            hExponent *= 2;
            if (Math.Abs(hMatrix[k - 1, k - 1]) > Ep128)
            {
                for (var r = 0; r < m; r++)
                {
                    for (var c = 0; c < m; c++)
                    {
                        hMatrix[r, c] /= Ep128;
                    }
                }

                hExponent += E128;
            }

            nn /= 2;
        }

        var p = power[k - 1, k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Em128)
            {
                p *= Ep128;
                exponent -= E128;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return Clip(p);
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = a.GetLength(0);
        var result = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var l = 0; l < m; l++)
            {
                var ail = a[i, l];
                if (ail == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    result[i, j] += ail * b[l, j];
                }
            }
        }

        return result;
    }

    private static (int J1, int J2) PomeranzJ1J2(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            var ip1Div2 = (i + 1) / 2;
            var ip1Mod2 = (i + 1) % 2;
            if (ip1Mod2 == 0)
            {
                if (ip1Div2 == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = ip1Div2 - 1 - ll - roundF - 1;
                    j2 = ip1Div2 + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = ip1Div2 - 1 - ll - 1;
                j2 = ip1Div2 + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }

    /// <summary>P(D_n ≤ x) by the Pomeranz (1974) recursion, clipped to [0, 1].</summary>
    internal static double PomeranzCdf(int n, double x)
    {
        var t = n * x;
        var ll = (int)Math.Floor(t);
        var f = 1.0 * (t - ll);
        var g = Math.Min(f, 1.0 - f);
        var ceilF = f > 0 ? 1 : 0;
        var roundF = f > 0.5 ? 1 : 0;
        var nPowers = 2 * (ll + 1);
        var gPower = new double[nPowers];
        var twoGPower = new double[nPowers];
        var oneMinusTwoGPower = new double[nPowers];
        gPower[0] = 1.0;
        twoGPower[0] = 1.0;
        oneMinusTwoGPower[0] = 1.0;
        var exponent = 0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (var m = 1; m < nPowers; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        var v0 = new double[nPowers];
        var v1 = new double[nPowers];
        v1[0] = 1;
        int v0Start = 0, v1Start = 0;
        var (j1, _) = PomeranzJ1J2(0, n, ll, ceilF, roundF);
        for (var i = 1; i < 2 * n + 2; i++)
        {
            var k1 = j1;
            (v0, v1) = (v1, v0);
            (v0Start, v1Start) = (v1Start, v0Start);
            Array.Clear(v1);
            (j1, var j2) = PomeranzJ1J2(i, n, ll, ceilF, roundF);
            var powers = i == 1 || i == 2 * n + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
            var ln2 = j2 - k1 + 1;
            if (ln2 > 0)
            {
                // Full convolution of a = v0[k1 − v0Start ..][..ln2] (a numpy slice: truncated at the end of v0)
                // with b = powers[..ln2]; keep entries convStart .. convStart + convLen − 1.
                var aStart = k1 - v0Start;
                if (aStart < 0)
                {
                    throw new InvalidOperationException("Pomeranz recursion: negative slice start");
                }

                var aLength = Math.Min(ln2, Math.Max(0, nPowers - aStart));
                var bLength = Math.Min(ln2, nPowers);
                var convStart = j1 - k1;
                var convLength = j2 - j1 + 1;
                for (var c = 0; c < convLength; c++)
                {
                    var index = convStart + c;
                    var sum = 0.0;
                    var lo = Math.Max(0, index - (bLength - 1));
                    var hi = Math.Min(index, aLength - 1);
                    for (var a = lo; a <= hi; a++)
                    {
                        sum += v0[aStart + a] * powers[index - a];
                    }

                    v1[c] = sum;
                }

                var max = v1.Max();
                if (max > 0 && max < Em128)
                {
                    for (var c = 0; c < v1.Length; c++)
                    {
                        v1[c] *= Ep128;
                    }

                    exponent -= E128;
                }

                v1Start = v0Start + j1 - k1;
            }
        }

        var answer = v1[n - v1Start];
        for (var m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Ep128)
            {
                answer *= Em128;
                exponent += E128;
            }

            answer *= m;
        }

        if (exponent != 0)
        {
            answer = Math.ScaleB(answer, exponent);
        }

        return Clip(answer);
    }

    /// <summary>Pelz–Good approximation of P(D_n ≤ x) (not clipped, as in scipy).</summary>
    internal static double PelzGoodCdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        var z = Math.Sqrt(n) * x;
        double zSquared = z * z, zThree = z * z * z, zFour = Math.Pow(z, 4), zSix = Math.Pow(z, 6);
        var qLog = -PiSquared / 8 / zSquared;
        if (qLog < MinLog)
        {
            return 0.0;
        }

        var q = Math.Exp(qLog);

        var k1a = -zSquared;
        var k1b = PiSquared / 4;

        var k2a = 6 * zSix + 2 * zFour;
        var k2b = (2 * zFour - 5 * zSquared) * PiSquared / 4;
        var k2c = PiFour * (1 - 2 * zSquared) / 16;

        var k3d = PiSix * (5 - 30 * zSquared) / 64;
        var k3c = PiFour * (-60 * zSquared + 212 * zFour) / 16;
        var k3b = PiSquared * (135 * zFour - 96 * zSix) / 4;
        var k3a = -30 * zSix - 90 * Math.Pow(z, 8);

        var k = new double[4];
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var kk = maxK; kk > 0; kk--)
        {
            double m = 2 * kk - 1;
            double mSquared = m * m, mFour = Math.Pow(m, 4), mSix = Math.Pow(m, 6);
            var qPower = Math.Pow(q, 8 * kk);
            k[0] = k[0] * qPower + 1.0;
            k[1] = k[1] * qPower + (k1a + k1b * mSquared);
            k[2] = k[2] * qPower + (k2a + k2b * mSquared + k2c * mFour);
            k[3] = k[3] * qPower + (k3a + k3b * mSquared + k3c * mFour + k3d * mSix);
        }

        double[] divisors = [z, 6 * zFour, 72 * Math.Pow(z, 7), 6480 * Math.Pow(z, 10)];
        for (var i = 0; i < 4; i++)
        {
            k[i] *= q;
            k[i] *= Sqrt2Pi;
            k[i] /= divisors[i];
        }

        q = Math.Exp(-PiSquared / 2 / zSquared);
        var sqrt3Z = Sqrt3 * z;
        double k2Extra = 0, k3Extra = 0;
        for (var kk = maxK; kk > 0; kk--)
        {
            double kSquared = (double)kk * kk;
            var kPi = Math.PI * kk;
            var qPower = Math.Pow(q, kSquared);
            k2Extra += kSquared * qPower;
            k3Extra += (sqrt3Z + kPi) * (sqrt3Z - kPi) * kSquared * qPower;
        }

        k2Extra *= PiSquared * Sqrt2Pi / (-36 * zThree);
        k[2] += k2Extra;
        k3Extra *= PiSquared * Sqrt2Pi / (216 * zSix);
        k[3] += k3Extra;
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            sum += k[i] / Math.Pow(n * 1.0, i / 2.0);
        }

        return sum;
    }

    /// <summary>
    /// One-sided Smirnov survival function P(D_n⁺ ≥ x), as <c>scipy.special.smirnov(n, x)</c> (cephes <c>_smirnov</c>):
    /// closed forms for x ≤ 1/n and x ≥ 1 − 1/n, Miller's approximation exp(−(6nx+1)²/(18n)) for n &gt; 10^6,
    /// otherwise the Birnbaum–Tingey sum (or the complementary upper sum when it has at most three terms) in
    /// double-double arithmetic — above n = 10,000 the same lower sum in logarithms (<see cref="SmirnovLogSum"/>), equal to
    /// scipy's to about 10^-13 relative; at n = 500,000 0.3 s a call at load ~110 against the port's 1.2–2.8 s at load ~50.
    /// </summary>
    internal static double SmirnovSf(int n, double x) => SmirnovSf(n, x, logSum: n > SmirnovLogSum.MinN);

    /// <summary><see cref="SmirnovSf(int, double)"/> with the choice of the lower sum's algorithm explicit (tests compare them).</summary>
    internal static double SmirnovSf(int n, double x, bool logSum)
    {
        if (!(n > 0 && x >= 0.0 && x <= 1.0))
        {
            return double.NaN;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        if (x == 0.0)
        {
            return 1.0;
        }

        if (x == 1.0)
        {
            return 0.0;
        }

        var alpha = ModNX(n, x, out var nxFloor, out _);
        var n1mxFloor = n - nxFloor - (alpha == 0 ? 0 : 1);
        var n1mxCeil = n - nxFloor;
        if (alpha == 0)
        {
            n1mxFloor -= 1;
            n1mxCeil += 1;
        }

        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            var t = PowD(DoubleDouble.Sum(1, x), n - 1).ToDouble();
            var cdfSmall = x * t;
            return 1 - cdfSmall;
        }

        if (-2.0 * n * x * x < CephesMinLog)
        {
            return 0.0;
        }

        if (nxFloor >= n - 1)
        {
            return PowD(DoubleDouble.Sum(1, -x), n).ToDouble();
        }

        double sf;
        if (n > SmirnovMaxComputeN)
        {
            var logp = -Math.Pow(6.0 * n * x + 1, 2) / 18.0 / n;
            if (logp < -Math.Log(2))
            {
                sf = Math.Exp(logp);
            }
            else
            {
                var cdfMiller = -double.ExpM1(logp);
                sf = 1 - cdfMiller;
            }

            return sf;
        }

        var nUpperTerms = n - n1mxCeil + 1;
        var useUpperSum = (nUpperTerms <= 1 && x < 0.5)
            || (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.Sqrt(n));

        int start = 0, step = 1, nTerms = n1mxFloor + 1;
        if (!useUpperSum && logSum)
        {
            // The same sum in logarithms: milliseconds instead of seconds at n = 500,000 (see SmirnovLogSum).
            return Clip(SmirnovLogSum.LowerSum(n, x, nTerms));
        }

        var vMid = n / 2;
        var cMantissa = DoubleDouble.One;
        var cExponent = 0;
        DoubleDouble aj;
        var ajSum = DoubleDouble.Zero;
        if (useUpperSum)
        {
            start = n;
            step = -1;
            nTerms = n - n1mxCeil + 1;
            aj = Pow4D(1, x, 1, 0, n - 1);
        }
        else
        {
            var t2 = Pow4D(1, -x, 1, 0, n);
            aj = t2 / x;
        }

        ajSum += aj;
        UpdateBinomial(ref cMantissa, ref cExponent, n, 0);
        for (var j = 1; j < nTerms; j++)
        {
            var v = start + j * step;
            aj = ComputeAv(n, x, v, cMantissa, cExponent);
            if (aj.IsFinite && !aj.IsZero)
            {
                ajSum += aj;
            }

            if (!aj.IsZero)
            {
                if (4.0 * (nTerms - j) * Math.Abs(aj.ToDouble()) < DblEpsilon * ajSum.ToDouble()
                    && j != nTerms - 1)
                {
                    break;
                }
            }
            else if (j > vMid)
            {
                break;
            }

            UpdateBinomial(ref cMantissa, ref cExponent, n, j);
        }

        var prob = ((DoubleDouble)x * ajSum).ToDouble();
        sf = step < 0 ? 1 - prob : prob;
        return Clip(sf);
    }

    /// <summary>floor(n·x) and the fractional part of n·x, computed exactly.</summary>
    private static double ModNX(int n, double x, out int nxFloor, out double nx)
    {
        var nxD = DoubleDouble.Product(n, x);
        var floorD = nxD.Floor();
        var alpha = (nxD - floorD).Hi;
        nxFloor = (int)floorD.Hi;
        if (alpha == 1)
        {
            nxFloor += 1;
            alpha = 0;
        }

        nx = nxD.ToDouble();
        return alpha;
    }

    private static void UpdateBinomial(ref DoubleDouble mantissa, ref int exponent, int n, int j)
    {
        var ratio = DoubleDouble.Quotient(n - j, j + 1.0);
        var product = mantissa * ratio;
        mantissa = product.Frexp(out var e);
        exponent += e;
    }

    private static DoubleDouble PowD(DoubleDouble a, int m)
    {
        if (m <= 0)
        {
            return m == 0 ? DoubleDouble.One : DoubleDouble.One / PowD(a, -m);
        }

        if (a.IsZero)
        {
            return DoubleDouble.Zero;
        }

        var answer = Math.Pow(a.Hi, m);
        var r = a.Lo / a.Hi;
        var adjust = m * r;
        if (Math.Abs(adjust) > 1e-8)
        {
            if (Math.Abs(adjust) < 1e-4)
            {
                adjust += m * r * ((m - 1) / 2.0 * r);
            }
            else
            {
                adjust = double.ExpM1(m * double.LogP1(r));
            }
        }

        return DoubleDouble.Sum(answer, answer * adjust);
    }

    private const int MaxExponent = 960;

    private static double NextPowerOf2(double x)
    {
        var q = Math.ScaleB(x, 1 - 53);
        var l = Math.Abs(q + x);
        if (l == 0)
        {
            l = Math.Abs(x);
        }
        else
        {
            var lInt = (int)l;
            if (lInt == l)
            {
                l = lInt;
            }
        }

        return l;
    }

    /// <summary>a^m as (significand, exponent), avoiding underflow for large m.</summary>
    private static DoubleDouble Pow2ScaledD(DoubleDouble a, int m, out int exponent)
    {
        if (m <= 0)
        {
            if (m == 0)
            {
                exponent = 0;
                return DoubleDouble.One;
            }

            var inverse = Pow2ScaledD(a, -m, out var e1);
            var result = (DoubleDouble.One / inverse).Frexp(out var e2);
            exponent = -e1 + e2;
            return result;
        }

        var y = a.Frexp(out var yE);
        if (m == 1)
        {
            exponent = yE;
            return y;
        }

        var maxExponent = MaxExponent;
        if (m * (y.Hi - 1) / y.Hi < -MaxExponent * Math.Log(2))
        {
            var lg2y = Math.Log(y.Hi) / Math.Log(2);
            var lgAnswer = m * lg2y;
            if (lgAnswer <= -MaxExponent)
            {
                maxExponent = (int)(NextPowerOf2(-MaxExponent / lg2y + 1) / 2);
            }
        }

        if (m <= maxExponent)
        {
            var answer1 = PowD(y, m);
            var answer = answer1.Frexp(out var answerE);
            exponent = answerE + m * yE;
            return answer;
        }

        var q = m / maxExponent;
        var r = m % maxExponent;
        var y2r = Pow2ScaledD(y, r, out var y2rE);
        var y2m = Pow2ScaledD(y, maxExponent, out var y2mE);
        var y2mq = Pow2ScaledD(y2m, q, out var y2mqE);
        var product = (y2r * y2mq).Frexp(out var productE);
        y2mqE += y2mE * q;
        exponent = productE + y2mqE + y2rE + m * yE;
        return product;
    }

    /// <summary>((a+b)/(c+d))^m.</summary>
    private static DoubleDouble Pow4D(double a, double b, double c, double d, int m)
    {
        if (m <= 0)
        {
            return m == 0 ? DoubleDouble.One : Pow4D(c, d, a, b, -m);
        }

        var numerator = DoubleDouble.Sum(a, b);
        var denominator = DoubleDouble.Sum(c, d);
        if (numerator.IsZero)
        {
            return denominator.IsZero ? new DoubleDouble(double.NaN, 0) : DoubleDouble.Zero;
        }

        if (denominator.IsZero)
        {
            return new DoubleDouble(numerator.Hi < 0 ? double.NegativeInfinity : double.PositiveInfinity, 0);
        }

        return PowD(numerator / denominator, m);
    }

    /// <summary>A_v(n, x) = C(n, v)·(1 − x − v/n)^(n−v)·(x + v/n)^(v−1), C(n, v) given as mantissa·2^exponent.</summary>
    private static DoubleDouble ComputeAv(int n, double x, int v, DoubleDouble cMantissa, int cExponent)
    {
        var t2x = DoubleDouble.Quotient(n - v, n) - x;
        var t2 = Pow2ScaledD(t2x, n - v, out var t2E);
        var t1x = DoubleDouble.Quotient(v, n) + x;
        var t1 = Pow2ScaledD(t1x, v - 1, out var t1E);
        var answer = t1 * t2 * cMantissa;
        return ScaleB(answer, cExponent + t1E + t2E);
    }

    private static DoubleDouble ScaleB(DoubleDouble value, long exponent)
    {
        var e = (int)Math.Clamp(exponent, -4000, 4000);
        return value.ScaleB(e);
    }
}
