using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Monitoring.Sequential;

/// <summary>
/// The calibration's clean evidence computed from resampled counts (<see cref="ResampledEvidence"/>) is the evidence of
/// full comparisons of the resampled tables, bit for bit, and the calibration of the second shop keeps the numbers the
/// full comparisons gave before the change.
/// </summary>
public sealed class ResampledEvidenceTests
{
    [Theory]
    [InlineData(1UL, 200, 50)]
    [InlineData(2UL, 80, 3)]
    [InlineData(3UL, 60, 1)]
    public void Evidence_from_counts_equals_full_comparisons_of_the_resampled_tables(ulong seed, int referenceSize, int batchSize)
    {
        var sample = Sample(seed);
        var fast = new ResampledEvidence(sample).Group(referenceSize, batchSize, 40, new RandomSource(seed));

        // The independent path: copy the drawn rows into tables, fit a profile with every method, compare each batch.
        var random = new RandomSource(seed);
        var profile = ReferenceProfile.Fit(Draw(sample, referenceSize, random));
        var reports = Enumerable.Range(0, 40).Select(_ => profile.Compare(Draw(sample, batchSize, random))).ToArray();
        var slow = reports.Select(DriftEvidence.Of).ToArray();

        Assert.Equal(slow, fast);
        // The cases the counts must handle are really met: a feature with no value in a batch (not computable), -0.0.
        if (batchSize == 1)
        {
            Assert.Contains(reports, r => r.Features.Any(f => f.NotComputable is not null));
        }
    }

    [Fact]
    public void Evidence_without_a_full_comparison_equals_the_full_comparisons()
    {
        var profile = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 2000, 5));
        var batches = new[] { Scenario.Normal, Scenario.FlashSale, Scenario.SupplyCrisis }
            .SelectMany((s, i) => new[] { 7, 300, 1500 }.Select(n => OrderGenerator.Generate(s, n, (ulong)(10 * i + n))))
            .Select(DatasetSummary.Of)
            .ToArray();

        Assert.All(batches, b => Assert.Equal(DriftEvidence.Of(profile.Compare(b)), DriftEvidence.Of(profile, b)));
        Assert.Contains(batches, b => DriftEvidence.Of(profile, b) > 1);
    }

    [Fact]
    public void The_second_shops_calibration_keeps_the_numbers_of_the_full_comparisons()
    {
        // Provenance: CusumCalibration.BootstrapEvidence then Calibrate with their defaults, run with the code before
        // the counts (commit 486d295, one full ReferenceProfile.Compare per batch; 10–12 s each then, about 1 s now) on
        // data/second-shop/reference.csv read against its inferred schema (--target Return_Status, gaps allowed),
        // reference size 3,060; printed with the round-trip format.
        var path = Path.Combine(TestPaths.Data, "second-shop", "reference.csv");
        var schema = SchemaInference.Infer(path, new SchemaInferenceOptions { Target = "Return_Status" }).Schema;
        var table = SchemaReader.Read(path, schema, MissingCells.Allow);
        (int Batch, double Mean, double Sd, double H, double Worst, double First, double Last)[] recorded =
        [
            (500, 0.07022623155971727, 0.018394042992275338, 7.515625, 0.2758273090838586, 0.05633748220784275, 0.07668158377078285),
            (1000, 0.04028304962134822, 0.010029918629940454, 5.96875, 0.23388031977373777, 0.03777991789265012, 0.03914645173283711),
        ];
        foreach (var r in recorded)
        {
            var evidence = CusumCalibration.BootstrapEvidence(table, table.Count, r.Batch);
            var calibration = CusumCalibration.Calibrate(evidence, r.Batch);

            Assert.Equal(r.First, evidence[0][0]);
            Assert.Equal(r.Last, evidence[19][49]);
            Assert.Equal(r.Mean, calibration.InControlMean);
            Assert.Equal(r.Sd, calibration.InControlStandardDeviation);
            Assert.Equal(r.H, calibration.Threshold);
            Assert.Equal(r.Worst, calibration.WorstReferenceOffset);
            Assert.Equal(10050.251256281406, calibration.EstimatedArl);
        }
    }

    // Rows drawn as the calibration draws them: one NextInt per row, in order.
    private static OrderTable Draw(OrderTable sample, int count, RandomSource random)
    {
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = random.NextInt(0, sample.Count);
        }

        return sample.Select(rows);
    }

    // 300 orders of four features: ties, -0.0 beside 0.0, a numeric column with gaps in 90% of the rows, a
    // categorical one with gaps and a rare category.
    private static OrderTable Sample(ulong seed)
    {
        var random = new RandomSource(seed + 100);
        const int n = 300;
        var price = new double[n];
        var sparse = new double[n];
        var channel = new string[n];
        var size = new string[n];
        for (var i = 0; i < n; i++)
        {
            price[i] = Math.Round(random.Normal(50, 15), 1);
            double value = random.NextInt(-3, 4);
            sparse[i] = random.Bernoulli(0.9) ? double.NaN : value == 0 && random.Bernoulli(0.5) ? -0.0 : value;
            channel[i] = random.Bernoulli(0.05) ? OrderTable.MissingCategory : random.Bernoulli(0.02) ? "fax" : random.Bernoulli(0.6) ? "web" : "app";
            size[i] = new[] { "S", "M", "L", "XL" }[random.NextInt(0, 4)];
        }

        FeatureDefinition[] features =
        [
            new("price", FeatureKind.Numeric, ""),
            new("channel", FeatureKind.Categorical, ""),
            new("sparse", FeatureKind.Numeric, ""),
            new("size", FeatureKind.Categorical, ""),
        ];
        return new OrderTable(
            "sample",
            features,
            new Dictionary<string, double[]> { ["price"] = price, ["sparse"] = sparse },
            new Dictionary<string, string[]> { ["channel"] = channel, ["size"] = size },
            null);
    }
}
