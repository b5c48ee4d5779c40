using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Drift evidence (Σ PSI, <see cref="DriftEvidence"/>) of tables resampled with replacement from one sample, computed
/// from counts. A resample of the sample is fully described by how often each row was drawn, so each feature is coded
/// once (a row's index among the sample's distinct values, or its category's index; −1 for a gap) and a resample of n
/// rows is n increments of a count per feature: no table is copied, no column sorted. Only the PSI is fitted and
/// measured — the evidence needs nothing else — with the registry's own PSI method, on distributions built from those
/// counts, which are the distributions <see cref="DatasetSummary.Of(OrderTable)"/> gives for the resampled table. So
/// the evidence is the one a full <see cref="ReferenceProfile.Compare(OrderTable, DriftOptions?)"/> of the resampled
/// tables gives, bit for bit (same rows drawn, same values, same summation order), at a small fraction of the cost:
/// the KS p-values and the other statistics of a full comparison were almost all of the calibration's run time.
/// Immutable after construction and safe to share between threads (each caller brings its own random source).
/// </summary>
internal sealed class ResampledEvidence
{
    private readonly CodedFeature[] features;
    private readonly int rows;
    private readonly IDriftMethod<EmpiricalDistribution> numericPsi;
    private readonly IDriftMethod<CategoryCounts> categoricalPsi;

    /// <summary>Codes every feature of <paramref name="sample"/>, and picks the PSI of <paramref name="methods"/> (default registry).</summary>
    /// <exception cref="ArgumentException">The sample has fewer than two orders.</exception>
    public ResampledEvidence(OrderTable sample, DriftMethodRegistry? methods = null)
    {
        if (sample.Count < 2)
        {
            throw new ArgumentException("the reference sample needs at least two orders", nameof(sample));
        }

        var registry = methods ?? DriftMethodRegistry.Default;
        numericPsi = registry.Numeric.Single(m => m.Key == DriftMethodKeys.PopulationStabilityIndex);
        categoricalPsi = registry.Categorical.Single(m => m.Key == DriftMethodKeys.PopulationStabilityIndex);
        rows = sample.Count;
        features = sample.Features.Select(f => f.Kind == FeatureKind.Numeric ? CodedFeature.Numeric(sample.Numeric(f.Name)) : CodedFeature.Categorical(sample.Categorical(f.Name))).ToArray();
    }

    /// <summary>
    /// One reference group: a pseudo-reference of <paramref name="referenceSize"/> rows, then <paramref name="batches"/>
    /// batches of <paramref name="batchSize"/> rows, each drawn with replacement by <paramref name="random"/> in that
    /// order (the draws of <c>random.NextInt(0, rows)</c>, one per row); the evidence of each batch against the reference.
    /// </summary>
    /// <exception cref="ArgumentException">A feature of the pseudo-reference has no value (every drawn row has a gap).</exception>
    public double[] Group(int referenceSize, int batchSize, int batches, RandomSource random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var counts = features.Select(f => new long[f.Distinct]).ToArray();
        Draw(referenceSize, random, counts);
        var fitted = new Func<long[], double?>[features.Length];
        for (var f = 0; f < features.Length; f++)
        {
            fitted[f] = features[f].Fit(counts[f], numericPsi, categoricalPsi);
        }

        var evidence = new double[batches];
        for (var b = 0; b < batches; b++)
        {
            Draw(batchSize, random, counts);
            // Σ PSI in feature order over the features the batch has a value of, as DriftEvidence.Of sums a report.
            var sum = 0.0;
            for (var f = 0; f < features.Length; f++)
            {
                sum += fitted[f](counts[f]) ?? 0;
            }

            evidence[b] = sum;
        }

        return evidence;
    }

    private void Draw(int count, RandomSource random, long[][] counts)
    {
        foreach (var c in counts)
        {
            Array.Clear(c);
        }

        for (var i = 0; i < count; i++)
        {
            var row = random.NextInt(0, rows);
            for (var f = 0; f < features.Length; f++)
            {
                var code = features[f].Codes[row];
                if (code >= 0)
                {
                    counts[f][code]++;
                }
            }
        }
    }

    /// <summary>One feature of the sample: its distinct values (numeric, ascending) or categories, and each row's code.</summary>
    private sealed class CodedFeature
    {
        private readonly double[]? values;
        private readonly string[]? categories;

        private CodedFeature(double[]? values, string[]? categories, int[] codes)
        {
            this.values = values;
            this.categories = categories;
            Codes = codes;
        }

        /// <summary>Per row, the index of its value or category; −1 for a gap (NaN, or the empty category).</summary>
        public int[] Codes { get; }

        /// <summary>Number of distinct values or categories.</summary>
        public int Distinct => values?.Length ?? categories!.Length;

        public static CodedFeature Numeric(ReadOnlySpan<double> column)
        {
            var present = new List<double>(column.Length);
            foreach (var value in column)
            {
                if (!double.IsNaN(value))
                {
                    present.Add(value);
                }
            }

            var distinct = EmpiricalDistribution.FromSample(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(present)).Values.ToArray();
            var codes = new int[column.Length];
            for (var i = 0; i < column.Length; i++)
            {
                // -0.0 and 0.0 compare equal, as they do in the summary's sort.
                codes[i] = double.IsNaN(column[i]) ? -1 : Array.BinarySearch(distinct, column[i]);
            }

            return new CodedFeature(distinct, null, codes);
        }

        public static CodedFeature Categorical(IReadOnlyList<string> column)
        {
            var distinct = column.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < distinct.Length; i++)
            {
                index[distinct[i]] = i;
            }

            var codes = new int[column.Count];
            for (var i = 0; i < column.Count; i++)
            {
                codes[i] = column[i].Length == 0 ? -1 : index[column[i]];
            }

            return new CodedFeature(null, distinct, codes);
        }

        /// <summary>
        /// The PSI fitted on the reference <paramref name="referenceCounts"/>: a function of a batch's counts giving its
        /// PSI, or null when the batch has no value of the feature (not computable: it adds no evidence).
        /// </summary>
        public Func<long[], double?> Fit(long[] referenceCounts, IDriftMethod<EmpiricalDistribution> numericPsi, IDriftMethod<CategoryCounts> categoricalPsi)
        {
            if (values is not null)
            {
                var fitted = numericPsi.Fit(Distribution(referenceCounts));
                return counts => Distribution(counts) is { Count: > 0 } current ? fitted.Calculate(current).Value : null;
            }

            var fittedCategories = categoricalPsi.Fit(Categories(referenceCounts));
            return counts => Categories(counts) is { Total: > 0 } current ? fittedCategories.Calculate(current).Value : null;
        }

        private EmpiricalDistribution Distribution(long[] counts)
        {
            var pairs = new List<KeyValuePair<double, long>>(counts.Length);
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    pairs.Add(KeyValuePair.Create(values![i], counts[i]));
                }
            }

            return EmpiricalDistribution.FromCounts(pairs);
        }

        private CategoryCounts Categories(long[] counts) =>
            CategoryCounts.FromCounts(counts.Select((c, i) => KeyValuePair.Create(categories![i], c)));
    }
}
