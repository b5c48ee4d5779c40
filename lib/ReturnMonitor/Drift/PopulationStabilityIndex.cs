using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// Population stability index (PSI): Σ_i (cur_i − ref_i)·ln(cur_i/ref_i) over the bins of a feature — a symmetric
/// KL-type divergence between the reference (training) and current proportions. Dimensionless, ≥ 0, 0 when the
/// proportions are equal. Rule of thumb: &lt; 0.1 stable, 0.1–0.25 moderate shift, &gt; 0.25 major shift.
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>Smallest proportion used for an empty bin, so that ln(cur/ref) stays finite.</summary>
    public const double ProportionFloor = 1e-4;

    /// <summary>
    /// Bin edges at the reference quantiles: <c>numpy.unique(numpy.percentile(reference, numpy.linspace(0, 100, bins + 1)))</c>
    /// (numpy's default 'linear' percentile method). Duplicate edges — from ties or a constant column — are merged, so
    /// fewer than bins + 1 edges can come back (a single edge for a constant reference). Ascending, in the data's units.
    /// </summary>
    /// <exception cref="ArgumentException">The reference is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public static double[] DecileEdges(EmpiricalDistribution reference, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (reference.Count == 0)
        {
            throw new ArgumentException("reference sample is empty", nameof(reference));
        }

        // numpy.linspace(0, 100, bins + 1): i·step with step = 100/bins, the last point set to exactly 100.
        var step = 100.0 / bins;
        var edges = new List<double>(bins + 1);
        for (var i = 0; i <= bins; i++)
        {
            var q = i == bins ? 100.0 : i * step;
            var edge = reference.Percentile(q);
            if (edges.Count == 0 || edge != edges[^1])
            {
                edges.Add(edge);
            }
        }

        return edges.ToArray();
    }

    /// <summary>
    /// Proportion of <paramref name="distribution"/> in each bin defined by the ascending, distinct
    /// <paramref name="edges"/> e0 &lt; e1 &lt; … &lt; ek (as from <see cref="DecileEdges"/>): the k bins
    /// (−∞, e1), [e1, e2), …, [e_{k−1}, +∞). The outer edges e0 and ek only delimit the reference range: the first
    /// and last bins are open-ended so that current values outside the reference range are counted, not dropped.
    /// With a single edge c (constant reference) the three bins (−∞, c), [c, c], (c, +∞) are used, so that a move
    /// away from the constant shows up. The proportions sum to 1.
    /// Limitation (by design of the decile bins): with exactly two edges there is a single bin (−∞, +∞) and
    /// PSI/JS are 0 whatever the current data. This happens for a 0/1 column whenever no decile position falls
    /// between the last 0 and the first 1 (most binary columns) — monitor such columns with KS or chi-square.
    /// </summary>
    /// <exception cref="ArgumentException">The distribution is empty, or edges are empty, not finite or not strictly increasing.</exception>
    public static double[] BinProportions(EmpiricalDistribution distribution, ReadOnlySpan<double> edges)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        if (distribution.Count == 0)
        {
            throw new ArgumentException("sample is empty", nameof(distribution));
        }

        if (edges.IsEmpty)
        {
            throw new ArgumentException("at least one edge is required", nameof(edges));
        }

        for (var i = 0; i < edges.Length; i++)
        {
            if (!double.IsFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1])))
            {
                throw new ArgumentException("edges must be finite and strictly increasing", nameof(edges));
            }
        }

        double total = distribution.Count;
        if (edges.Length == 1)
        {
            var c = edges[0];
            var below = distribution.CountBelow(c);
            var atMost = distribution.CountAtMost(c);
            return [below / total, (atMost - below) / total, (distribution.Count - atMost) / total];
        }

        var bins = edges.Length - 1;
        var proportions = new double[bins];
        long previous = 0;
        for (var i = 0; i < bins; i++)
        {
            var upTo = i == bins - 1 ? distribution.Count : distribution.CountBelow(edges[i + 1]);
            proportions[i] = (upTo - previous) / total;
            previous = upTo;
        }

        return proportions;
    }

    /// <summary>
    /// PSI = Σ_i (c_i − r_i)·ln(c_i/r_i) with r_i = max(ref_i, 1e-4), c_i = max(cur_i, 1e-4) (see
    /// <see cref="ProportionFloor"/>). The floored proportions are not renormalised, so an empty bin on one side
    /// contributes (p − 1e-4)·ln(p/1e-4) — large, finite. ≥ 0, and 0 when the two vectors are equal.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ, or a proportion is NaN or negative.</exception>
    public static double Compute(ReadOnlySpan<double> referenceProportions, ReadOnlySpan<double> currentProportions)
    {
        if (referenceProportions.Length != currentProportions.Length)
        {
            throw new ArgumentException("proportion vectors must have the same length", nameof(currentProportions));
        }

        var psi = 0.0;
        for (var i = 0; i < referenceProportions.Length; i++)
        {
            if (!(referenceProportions[i] >= 0) || !(currentProportions[i] >= 0))
            {
                throw new ArgumentException("proportions must be non-negative numbers", nameof(referenceProportions));
            }

            var r = Math.Max(referenceProportions[i], ProportionFloor);
            var c = Math.Max(currentProportions[i], ProportionFloor);
            psi += (c - r) * Math.Log(c / r);
        }

        return psi;
    }

    /// <summary>
    /// PSI of a numeric feature over bins at the reference deciles (<see cref="DecileEdges"/> with 10 bins, open-ended
    /// outer bins, see <see cref="BinProportions"/>). A constant reference uses the three bins below/at/above it.
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static double Numeric(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var (referenceProportions, currentProportions) = NumericProportions(reference, current);
        return Compute(referenceProportions, currentProportions);
    }

    /// <summary>
    /// PSI of a categorical feature over the union of both samples' categories (<see cref="CategoryCounts.Align"/>).
    /// A category never seen in the reference has reference proportion 0, floored to 1e-4: it counts as drift.
    /// </summary>
    /// <exception cref="ArgumentException">Either sample is empty.</exception>
    public static double Categorical(CategoryCounts reference, CategoryCounts current)
    {
        var (referenceProportions, currentProportions) = CategoricalProportions(reference, current);
        return Compute(referenceProportions, currentProportions);
    }

    /// <summary>Reference and current proportions over the reference-decile bins (shared with Jensen–Shannon).</summary>
    internal static (double[] Reference, double[] Current) NumericProportions(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var bins = new DecileBins(reference);
        return (bins.ReferenceShares, bins.CurrentShares(current));
    }

    /// <summary>Reference and current proportions over the union of categories (shared with Jensen–Shannon).</summary>
    internal static (double[] Reference, double[] Current) CategoricalProportions(CategoryCounts reference, CategoryCounts current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.Total == 0 || current.Total == 0)
        {
            throw new ArgumentException("categorical sample is empty", reference.Total == 0 ? nameof(reference) : nameof(current));
        }

        var (_, referenceCounts, currentCounts) = CategoryCounts.Align(reference, current);
        return (referenceCounts.Select(c => (double)c / reference.Total).ToArray(),
            currentCounts.Select(c => (double)c / current.Total).ToArray());
    }
}
