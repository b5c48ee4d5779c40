using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// Drift with sketched numeric features: the report says which features are approximate and by how much, a decision
/// the sketch cannot make is reported as inconclusive, and the compact profile of continuous or sketched columns
/// round-trips exactly (so drift against it equals drift against the summary it was written from).
/// </summary>
public class SketchDriftTests
{
    private static readonly DatasetSummary Train = OrderFile.Summarize(Path.Combine(TestPaths.Data, "train.csv"));
    private static readonly DatasetSummary FlashSale = OrderFile.Summarize(Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"), options: new SummarizeOptions { MissingCells = MissingCells.Allow });

    [Fact]
    public void Exact_reports_keep_their_layout_and_sketched_ones_state_exactness_and_bounds()
    {
        var exact = DriftAnalysis.Compare(Train, FlashSale);
        Assert.DoesNotContain("\"exact\"", DriftJson.ToNode(exact).ToJsonString());
        Assert.All(exact.Features, f => Assert.True(f.Exact));

        var sketched = DriftAnalysis.Compare(Sketch(Train, 8), Sketch(FlashSale, 8));
        var json = DriftJson.ToNode(sketched)["features"]!.AsArray();
        foreach (var f in sketched.Features.Where(f => f.Kind == FeatureKind.Numeric))
        {
            var exactFeature = exact.Features.Single(e => e.Name == f.Name);
            var reference = Sketch(Train, 8).Numeric[f.Name];
            var current = Sketch(FlashSale, 8).Numeric[f.Name];
            Assert.Equal(reference.IsExact && current.IsExact, f.Exact);
            Assert.Equal(reference.CdfErrorBound + current.CdfErrorBound, f.KsErrorBound);
            Assert.True(Math.Abs(f.KsStatistic!.Value - exactFeature.KsStatistic!.Value) <= f.KsErrorBound + 1e-12, f.Name);
            var node = json.Single(n => (string?)n!["name"] == f.Name)!;
            if (!f.Exact)
            {
                Assert.False((bool)node["exact"]!);
                Assert.Equal(f.KsErrorBound, (double)node["ksErrorBound"]!);
                Assert.Equal(f.PsiShareErrorBound, (double)node["psiShareErrorBound"]!);
                Assert.Equal(f.Inconclusive, (bool)node["inconclusive"]!);
            }
        }

        Assert.Contains(sketched.Features, f => !f.Exact);
    }

    [Fact]
    public void A_statistic_within_the_sketch_error_of_the_threshold_is_inconclusive_and_shown_so()
    {
        // Reference uniform on [0, 1) in 2,000 steps; the batch is shifted by 0.1: exact D = 0.1, significant, PSI ≥ 0.1.
        var reference = EmpiricalDistribution.FromSample(Enumerable.Range(0, 2000).Select(i => i / 2000.0).ToArray());
        var current = EmpiricalDistribution.FromSample(Enumerable.Range(0, 2000).Select(i => 0.1 + i / 2000.0).ToArray());
        var exact = Compare(reference, current);
        Assert.NotEqual(DriftSeverity.None, exact.Severity);
        Assert.False(exact.Inconclusive);

        // Coarser and coarser sketches: the KS bound grows past D − (the critical value) while the sketched PSI still
        // reaches its threshold, and there the sketch cannot decide; it must say so, and only with a positive bound.
        var results = Enumerable.Range(2, 9).Select(k => Compare(
            EmpiricalDistribution.Combine(reference, EmpiricalDistribution.Empty, 1 << k),
            EmpiricalDistribution.Combine(current, EmpiricalDistribution.Empty, 1 << k))).ToArray();
        Assert.All(results, r => Assert.False(r.Exact));
        var inconclusive = Assert.Single(results.Where(r => r.Inconclusive).Take(1));
        Assert.True(inconclusive.KsErrorBound > 0);
        Assert.Contains("inconclusive within sketch error", FeatureTable.Of(ReportOf(inconclusive)).Single(r => r.Feature == "product_price").Test, StringComparison.Ordinal);

        // A fine sketch (limit 1024: 512 buckets) decides as the exact summary does.
        var fine = Compare(EmpiricalDistribution.Combine(reference, EmpiricalDistribution.Empty, 1024), EmpiricalDistribution.Combine(current, EmpiricalDistribution.Empty, 1024));
        Assert.False(fine.Exact);
        Assert.False(fine.Inconclusive);
        Assert.Equal(exact.Severity, fine.Severity);
    }

    [Fact]
    public void Sketched_PSI_bin_shares_are_within_the_stated_share_bound_and_the_bound_is_the_larger_side_s()
    {
        // Continuous samples with 6 decimals, sketched coarsely (limit 64: at most 32 buckets), so that shares do move.
        var random = new Random(11);
        var reference = EmpiricalDistribution.FromSample(Enumerable.Range(0, 3000).Select(_ => Math.Round(20 + random.NextDouble() * 80, 6)).ToArray());
        var current = EmpiricalDistribution.FromSample(Enumerable.Range(0, 2000).Select(_ => Math.Round(25 + random.NextDouble() * 90, 6)).ToArray());
        var sketchedReference = EmpiricalDistribution.Combine(reference, EmpiricalDistribution.Empty, 64);
        var sketchedCurrent = EmpiricalDistribution.Combine(current, EmpiricalDistribution.Empty, 64);
        var feature = Compare(sketchedReference, sketchedCurrent);
        Assert.False(feature.Exact);
        Assert.Equal(Math.Max(sketchedReference.CdfErrorBound, sketchedCurrent.CdfErrorBound), feature.PsiShareErrorBound);

        // The bins PSI uses (the reference sketch's deciles); each side's share from the sketch against the exact share.
        var edges = PopulationStabilityIndex.DecileEdges(sketchedReference);
        var worst = 0.0;
        foreach (var (exact, sketch) in new[] { (reference, sketchedReference), (current, sketchedCurrent) })
        {
            var exactShares = PopulationStabilityIndex.BinProportions(exact, edges);
            var sketchShares = PopulationStabilityIndex.BinProportions(sketch, edges);
            for (var b = 0; b < exactShares.Length; b++)
            {
                var error = Math.Abs(exactShares[b] - sketchShares[b]);
                Assert.True(error <= sketch.CdfErrorBound + 1e-15, $"bin {b}: share error {error} > side bound {sketch.CdfErrorBound}");
                worst = Math.Max(worst, error);
            }
        }

        // Not vacuous: the sketch did move some share by more than half the bound.
        Assert.True(worst > feature.PsiShareErrorBound / 2, $"largest share error {worst}, bound {feature.PsiShareErrorBound}");
    }

    [Fact]
    public void The_text_table_marks_sketched_and_inconclusive_features()
    {
        var report = DriftAnalysis.Compare(Sketch(Train, 4), Sketch(FlashSale, 4));
        var rows = FeatureTable.Of(report);
        foreach (var f in report.Features.Where(f => !f.Exact))
        {
            var row = rows.Single(r => r.Feature == f.Name);
            Assert.Contains("(sketch)", row.Test);
            Assert.Equal(f.Inconclusive, row.Test.Contains("inconclusive within sketch error", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(FeatureTable.Of(DriftAnalysis.Compare(Train, FlashSale)), r => r.Test.Contains("sketch", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1 << 18)]
    [InlineData(600)]
    public void Compact_profile_round_trips_exactly_and_gives_the_same_drift(int limit)
    {
        var random = new Random(3);
        var continuous = EmpiricalDistribution.Combine(
            EmpiricalDistribution.FromSample(Enumerable.Range(0, 5000).Select(_ => Math.Round(random.NextDouble() * 300 - 20, 6)).ToArray()),
            EmpiricalDistribution.Empty,
            limit);
        var numeric = Train.Numeric.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        numeric["product_price"] = continuous;
        numeric["review_rating"] = EmpiricalDistribution.FromSample(Enumerable.Range(0, 4000).Select(_ => random.NextDouble() * 5).ToArray());
        var summary = new DatasetSummary(Train.Source, Train.Rows, numeric, Train.Categorical.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), Train.Returned, Train.Missing.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
        var profile = new ReferenceProfile(summary);
        var json = profile.ToJson();
        Assert.Equal(2, (int)JsonNode.Parse(json)!["version"]!);
        var loaded = ReferenceProfile.FromJson(json);
        foreach (var (name, d) in summary.Numeric)
        {
            var back = loaded.Summary.Numeric[name];
            Assert.Equal(d.Values.ToArray(), back.Values.ToArray());
            Assert.Equal(d.Counts.ToArray(), back.Counts.ToArray());
            Assert.Equal(d.SketchLevel, back.SketchLevel);
            Assert.Equal(d.CdfErrorBound, back.CdfErrorBound);
        }

        Assert.Equal(json, loaded.ToJson());
        Assert.Equal(DriftJson.ToNode(profile.Compare(FlashSale)).ToJsonString(), DriftJson.ToNode(loaded.Compare(FlashSale)).ToJsonString());
        // Far smaller than the plain arrays (two JSON numbers per distinct value).
        Assert.True(json.Length < 5000 * 8 + 4000 * 14, $"{json.Length} characters");
    }

    [Fact]
    public void Low_cardinality_profiles_keep_version_1_and_a_damaged_compact_column_is_a_clear_error()
    {
        Assert.Equal(1, (int)JsonNode.Parse(new ReferenceProfile(Train).ToJson())!["version"]!);

        var numeric = Train.Numeric.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        numeric["product_price"] = EmpiricalDistribution.FromSample(Enumerable.Range(0, 3000).Select(i => i * 0.37).ToArray());
        var json = new ReferenceProfile(new DatasetSummary("x", Train.Rows, numeric, Train.Categorical.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), Train.Returned, Train.Missing.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))).ToJson();
        var root = JsonNode.Parse(json)!;
        var price = root["numeric"]!.AsArray().Single(n => (string?)n!["name"] == "product_price")!;
        price["counts"] = Convert.ToBase64String([1, 2, 3]);
        var error = Assert.Throws<DataFormatException>(() => ReferenceProfile.FromJson(root.ToJsonString(), "p.json"));
        Assert.Contains("p.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("product_price", error.Message, StringComparison.Ordinal);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FeatureDrift, DriftReport> Reports = new();

    private static DriftReport ReportOf(FeatureDrift feature) => Reports.TryGetValue(feature, out var report) ? report : throw new InvalidOperationException();

    private static FeatureDrift Compare(EmpiricalDistribution reference, EmpiricalDistribution current)
    {
        var numeric = Train.Numeric.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var batch = FlashSale.Numeric.ToDictionary(p => p.Key, p => Train.Numeric[p.Key], StringComparer.Ordinal);
        numeric["product_price"] = reference;
        batch["product_price"] = current;
        var r = new DatasetSummary("r", reference.Count, numeric.ToDictionary(p => p.Key, p => Resize(p.Value, reference.Count), StringComparer.Ordinal), Train.Categorical.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), null, Train.Missing.ToDictionary(p => p.Key, _ => 0L, StringComparer.Ordinal));
        var c = new DatasetSummary("c", current.Count, batch.ToDictionary(p => p.Key, p => Resize(p.Value, current.Count), StringComparer.Ordinal), Train.Categorical.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), null, Train.Missing.ToDictionary(p => p.Key, _ => 0L, StringComparer.Ordinal));
        var report = DriftAnalysis.Compare(r, c);
        var feature = report.Features.Single(f => f.Name == "product_price");
        Reports.AddOrUpdate(feature, report);
        return feature;
    }

    // Another feature's distribution with the same number of observations (a constant), so the summary is consistent.
    private static EmpiricalDistribution Resize(EmpiricalDistribution d, long count) =>
        d.Count == count ? d : EmpiricalDistribution.FromCounts([new KeyValuePair<double, long>(1, count)]);

    private static DatasetSummary Sketch(DatasetSummary s, int limit) => new(
        s.Source,
        s.Rows,
        s.Numeric.ToDictionary(p => p.Key, p => EmpiricalDistribution.Combine(p.Value, EmpiricalDistribution.Empty, limit), StringComparer.Ordinal),
        s.Categorical.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        s.Returned,
        s.Missing.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
