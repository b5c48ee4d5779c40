using MathNet.Numerics;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Builds the <see cref="DataQuality"/> section from two summaries (the reference and the batch), so it works for a
/// table and for a file streamed in bounded memory alike.
/// <para>
/// The rule. For every feature, the missing count k of the batch's n orders is tested against an allowed rate
/// p₀ = (upper end of the Wilson 95% interval of the reference's missing rate) + <see cref="MinimumEffect"/> with the
/// one-sided exact binomial test P(X ≥ k | n, p₀). For a categorical feature the unseen count (present values whose
/// category the reference never saw) is tested the same way, with the Good–Turing chance of a new category (reference
/// categories seen once / present reference values) in place of the reference rate. The p-values of all these tests
/// (nine missing-value tests and two unseen-category tests) are adjusted with Holm's method, and a feature alarms when its
/// smallest adjusted p-value is at most <see cref="Alpha"/>
/// (<see cref="DataQualityFeature.MissingAlarm"/> and <see cref="DataQualityFeature.UnseenAlarm"/> tell which test).
/// </para>
/// <para>
/// Why this way. The Wilson bound keeps a small reference's own sampling error from counting as a jump; the floor of one
/// percentage point means a batch needs a real share of gaps — a single empty cell never alarms, in a batch of any size,
/// since P(X ≥ 1) ≥ p₀ &gt; <see cref="Alpha"/> even before the correction — while 10% of a field blanked in a batch of
/// 500 orders gives p ≈ 8e-32 against a 5,000-order reference without gaps. Holm keeps the chance of any false alarm
/// per batch at most <see cref="Alpha"/> when every feature's true rate is at most p₀ (the reference's rate taken at the
/// upper end of its interval). Out-of-range values are counted but not tested: a continuous feature's tails put about
/// 2/(n_ref + 1) of every normal batch outside the reference's range, and a shift of the range is what the drift
/// section measures.
/// </para>
/// </summary>
public static class DataQualityCheck
{
    /// <summary>Family-wise level of the data-quality alarm (Holm over the batch's tests).</summary>
    public const double Alpha = 0.01;

    /// <summary>
    /// The smallest jump of a missing or unseen share that may alarm: one percentage point above the reference's rate
    /// (at the upper end of its 95% interval).
    /// </summary>
    public const double MinimumEffect = 0.01;

    /// <summary>The data quality of <paramref name="batch"/> against <paramref name="reference"/>.</summary>
    /// <param name="reference">The reference's summary (its missing counts, ranges and categories).</param>
    /// <param name="batch">The batch's summary, with its missing counts (a batch read with <see cref="MissingCells.Allow"/>).</param>
    /// <param name="imputed">Cells filled in for scoring, recorded in <see cref="DataQuality.Imputed"/>.</param>
    public static DataQuality Compare(DatasetSummary reference, DatasetSummary batch, long imputed = 0)
    {
        // The reference's features: a batch read against the reference's schema has each of them (a column absent from
        // the batch file reads as all missing); a summary made without one counts it as entirely missing.
        var features = reference.Features;
        var raw = new List<double>();
        var missingTest = new int[features.Count];
        var unseenTest = new int[features.Count];
        var parts = new (long Missing, double ExpectedMissing, double MissingP, long OutOfRange, double ExpectedOutOfRange, long Unseen, double? ExpectedUnseen, double? UnseenP)[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i];
            var missing = batch.Missing.TryGetValue(feature.Name, out var counted) ? counted : batch.Rows;
            var expectedMissing = AllowedRate(reference.Missing[feature.Name], reference.Rows);
            var missingP = BinomialUpperTail(missing, batch.Rows, expectedMissing);
            missingTest[i] = raw.Count;
            raw.Add(missingP);
            unseenTest[i] = -1;
            if (feature.Kind == FeatureKind.Numeric)
            {
                var seen = reference.Numeric[feature.Name];
                var values = batch.Numeric.GetValueOrDefault(feature.Name) ?? EmpiricalDistribution.FromSample([]);
                var outside = seen.Count == 0 ? values.Count : values.CountBelow(seen.Minimum) + (values.Count - values.CountAtMost(seen.Maximum));
                parts[i] = (missing, expectedMissing, missingP, outside, 2.0 / (seen.Count + 1), 0, null, null);
            }
            else
            {
                var seen = reference.Categorical[feature.Name];
                var values = batch.Categorical.GetValueOrDefault(feature.Name) ?? CategoryCounts.FromValues([]);
                var unseen = values.Pairs.Where(p => seen[p.Key] == 0).Sum(p => p.Value);
                var singletons = seen.Pairs.Count(p => p.Value == 1);
                var expectedUnseen = AllowedRate(singletons, seen.Total);
                var unseenP = BinomialUpperTail(unseen, values.Total, expectedUnseen);
                unseenTest[i] = raw.Count;
                raw.Add(unseenP);
                parts[i] = (missing, expectedMissing, missingP, 0, 0, unseen, expectedUnseen, unseenP);
            }
        }

        var adjusted = MultipleTesting.Holm(raw.ToArray());
        var result = new DataQualityFeature[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var p = parts[i];
            var pValue = unseenTest[i] >= 0 ? Math.Min(adjusted[missingTest[i]], adjusted[unseenTest[i]]) : adjusted[missingTest[i]];
            result[i] = new DataQualityFeature(
                features[i].Name,
                features[i].Kind,
                batch.Rows,
                p.Missing,
                reference.Rows,
                reference.Missing[features[i].Name],
                p.ExpectedMissing,
                p.MissingP,
                p.OutOfRange,
                p.ExpectedOutOfRange,
                p.Unseen,
                p.ExpectedUnseen,
                p.UnseenP,
                pValue,
                adjusted[missingTest[i]] <= Alpha,
                unseenTest[i] >= 0 && adjusted[unseenTest[i]] <= Alpha);
        }

        return new DataQuality(batch.Rows, result, imputed);
    }

    /// <summary>
    /// The rate a batch may show without alarm when the reference saw <paramref name="hits"/> of <paramref name="count"/>:
    /// the upper end of the Wilson 95% interval plus <see cref="MinimumEffect"/>, at most 1 (1 for an empty reference).
    /// </summary>
    public static double AllowedRate(long hits, long count) =>
        count < 1 ? 1 : Math.Min(1, TwoProportionTest.Wilson(hits, count).Upper + MinimumEffect);

    /// <summary>
    /// P(X ≥ <paramref name="k"/>) for X ~ Binomial(<paramref name="n"/>, <paramref name="p"/>): the one-sided exact
    /// binomial test's p-value, as scipy's <c>binomtest(k, n, p, alternative='greater').pvalue</c>. The tail is summed
    /// term by term from its largest term (the first pmf in log space, the rest by the ratio of successive terms) until the
    /// terms no longer change the sum, so it stays accurate far into the tail and for millions of orders; when k lies below
    /// the mode the lower tail is summed instead and subtracted from 1 (the p-value then is large).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n negative, or p outside [0, 1].</exception>
    public static double BinomialUpperTail(long k, long n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a probability must be in [0, 1]");
        }

        if (k <= 0)
        {
            return 1;
        }

        if (k > n || p == 0)
        {
            return 0;
        }

        if (p == 1)
        {
            return 1;
        }

        var mode = Math.Floor((n + 1) * p);
        var ratio = p / (1 - p);
        if (k >= mode)
        {
            // Terms fall from k upwards: pmf(j + 1) = pmf(j)·(n − j)/(j + 1)·p/(1 − p).
            var term = Math.Exp(LogPmf(k, n, p));
            var sum = 0.0;
            for (var j = k; j <= n && term > 0; j++)
            {
                sum += term;
                if (term <= sum * 1e-17)
                {
                    break;
                }

                term *= (n - j) / (double)(j + 1) * ratio;
            }

            return Math.Min(1, sum);
        }

        // k − 1 lies below the mode: terms fall from k − 1 downwards, pmf(j − 1) = pmf(j)·j/(n − j + 1)·(1 − p)/p.
        var lower = 0.0;
        var down = Math.Exp(LogPmf(k - 1, n, p));
        for (var j = k - 1; j >= 0 && down > 0; j--)
        {
            lower += down;
            if (down <= lower * 1e-17)
            {
                break;
            }

            down *= j / (double)(n - j + 1) / ratio;
        }

        return Math.Max(0, 1 - lower);
    }

    private static double LogPmf(long j, long n, double p) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(j + 1.0) - SpecialFunctions.GammaLn(n - j + 1.0)
        + j * Math.Log(p) + (n - j) * Math.Log(1 - p);
}
