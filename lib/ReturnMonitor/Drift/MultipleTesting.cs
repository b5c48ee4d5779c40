namespace ReturnMonitor.Drift;

/// <summary>Multiple-testing corrections of p-values (one p-value per tested feature).</summary>
public static class MultipleTesting
{
    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values), as statsmodels
    /// <c>multipletests(p, method='fdr_bh')[1]</c>: with p sorted ascending p_(1) ≤ … ≤ p_(m),
    /// q_(i) = min over k ≥ i of m·p_(k)/k, capped at 1, returned in the input order.
    /// Rejecting q ≤ α controls the false discovery rate at α for independent (or positively dependent) tests.
    /// </summary>
    /// <remarks>Monotone in p; q ≥ p; ties get equal q. An empty input gives an empty result.</remarks>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] BenjaminiHochberg(ReadOnlySpan<double> pValues)
    {
        var (sorted, order) = Sorted(pValues);
        var m = sorted.Length;
        var adjusted = new double[m];
        var running = double.PositiveInfinity;
        for (var i = m - 1; i >= 0; i--)
        {
            // statsmodels: p_sorted / (rank / m), then a reversed cumulative minimum.
            var raw = sorted[i] / ((i + 1) / (double)m);
            running = Math.Min(running, raw);
            adjusted[order[i]] = Math.Min(running, 1.0);
        }

        return adjusted;
    }

    /// <summary>
    /// Bonferroni adjusted p-values: min(1, m·p) for m tests, in the input order (statsmodels method='bonferroni').
    /// Rejecting adjusted p ≤ α controls the family-wise error rate at α. An empty input gives an empty result.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Bonferroni(ReadOnlySpan<double> pValues)
    {
        Validate(pValues);
        var adjusted = new double[pValues.Length];
        for (var i = 0; i < pValues.Length; i++)
        {
            adjusted[i] = Math.Min(1.0, pValues[i] * pValues.Length);
        }

        return adjusted;
    }

    /// <summary>
    /// Holm's step-down adjusted p-values, as statsmodels <c>multipletests(p, method='holm')[1]</c>: with p sorted
    /// ascending, a_(i) = max over k ≤ i of min(1, (m − k + 1)·p_(k)), returned in the input order. Rejecting a ≤ α
    /// controls the family-wise error rate at α under any dependence, like Bonferroni, and never rejects less.
    /// An empty input gives an empty result.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1].</exception>
    public static double[] Holm(ReadOnlySpan<double> pValues)
    {
        var (sorted, order) = Sorted(pValues);
        var m = sorted.Length;
        var adjusted = new double[m];
        var running = 0.0;
        for (var i = 0; i < m; i++)
        {
            running = Math.Max(running, Math.Min(1.0, (m - i) * sorted[i]));
            adjusted[order[i]] = running;
        }

        return adjusted;
    }

    /// <summary>
    /// Adjusted p-values by <paramref name="correction"/>: <see cref="BenjaminiHochberg"/>, <see cref="Bonferroni"/>, or
    /// the p-values unchanged for <see cref="PValueCorrection.None"/>. In the input order.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is NaN or outside [0, 1] (for a correction other than None).</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues, PValueCorrection correction) => correction switch
    {
        PValueCorrection.BenjaminiHochberg => BenjaminiHochberg(pValues),
        PValueCorrection.Bonferroni => Bonferroni(pValues),
        _ => pValues.ToArray(),
    };

    /// <summary>The validated p-values sorted ascending, with each one's position in the input.</summary>
    private static (double[] Sorted, int[] Order) Sorted(ReadOnlySpan<double> pValues)
    {
        Validate(pValues);
        var sorted = pValues.ToArray();
        var order = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(sorted, order);
        return (sorted, order);
    }

    private static void Validate(ReadOnlySpan<double> pValues)
    {
        foreach (var p in pValues)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException($"p-value {p} is not in [0, 1]", nameof(pValues));
            }
        }
    }
}
