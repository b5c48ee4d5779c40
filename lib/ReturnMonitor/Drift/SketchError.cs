using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Drift;

/// <summary>
/// What the bounded sketch (<see cref="EmpiricalDistribution.IsExact"/> false) can cost a numeric feature's decision:
/// the bound on the KS statistic's error, the bound on a PSI bin share's error, and whether the decision could go either
/// way. The decision is inconclusive when the severity computed with the KS p-value at D + bound (after the batch's
/// multiple-testing correction, with every other sketched feature also at its own D + bound) differs from the one at
/// D − bound (all at D − bound): the true statistic lies in that interval, so the sketch cannot tell.
/// </summary>
/// <param name="KsBound">Sum of both sides' ECDF error bounds.</param>
/// <param name="ShareBound">
/// The larger ECDF error bound of the two sides: a bin share is a difference of two ECDF values of one side, and a
/// sketch's ECDF errs in one direction only (a mixed bucket's observations all sit at its smallest value, so the sketch's
/// ECDF is never below the true one and at most the bound above it): the two errors are both in [0, bound] and their
/// difference is within ±bound. Holds for the bins used (their edges are the reference sketch's deciles).
/// </param>
/// <param name="Inconclusive">The severity differs between the two ends of the KS interval.</param>
internal sealed record SketchError(double KsBound, double ShareBound, bool Inconclusive)
{
    /// <summary>Per measured feature, its sketch error, or null when both sides are exact (or it is categorical).</summary>
    public static SketchError?[] Of(
        DatasetSummary reference, DatasetSummary current, IReadOnlyList<FeatureMeasurement> measured, string[] tests, double[] pValues, DriftOptions options)
    {
        var result = new SketchError?[measured.Count];
        var low = (double[])pValues.Clone();
        var high = (double[])pValues.Clone();
        var ends = new List<(int Feature, double D, long N1, long N2)>();
        for (var i = 0; i < measured.Count; i++)
        {
            var m = measured[i];
            if (m.Kind != FeatureKind.Numeric)
            {
                continue;
            }

            var r = reference.Numeric[m.Name];
            var c = current.Numeric[m.Name];
            if (r.IsExact && c.IsExact)
            {
                continue;
            }

            var bound = r.CdfErrorBound + c.CdfErrorBound;
            result[i] = new SketchError(bound, Math.Max(r.CdfErrorBound, c.CdfErrorBound), false);
            if (tests[i] == DriftMethodKeys.KolmogorovSmirnov && r.Count > 0 && c.Count > 0 && m.Statistic(tests[i]).Value is { } d && bound > 0)
            {
                ends.Add((i, Math.Min(1, d + bound), r.Count, c.Count));
                ends.Add((i, Math.Max(0, d - bound), r.Count, c.Count));
            }
        }

        if (ends.Count == 0)
        {
            return result;
        }

        // The p-values at both ends of every interval, in parallel (each an exact Smirnov sum at large n).
        var endP = OrderedParallel.Map(ends.Count, k => KolmogorovSmirnovTest.WithPValue(ends[k].D, ends[k].N1, ends[k].N2).PValue);
        for (var k = 0; k < ends.Count; k += 2)
        {
            low[ends[k].Feature] = endP[k];
            high[ends[k].Feature] = endP[k + 1];
        }

        var adjustedLow = MultipleTesting.Adjust(low, options.Correction);
        var adjustedHigh = MultipleTesting.Adjust(high, options.Correction);
        for (var i = 0; i < measured.Count; i++)
        {
            if (result[i] is { } e)
            {
                var psi = measured[i].Statistic(DriftMethodKeys.PopulationStabilityIndex).Value ?? double.NaN;
                if (DriftAnalysis.Classify(psi, adjustedLow[i], options) != DriftAnalysis.Classify(psi, adjustedHigh[i], options))
                {
                    result[i] = e with { Inconclusive = true };
                }
            }
        }

        return result;
    }
}
