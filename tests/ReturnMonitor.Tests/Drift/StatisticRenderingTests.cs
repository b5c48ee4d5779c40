using ReturnMonitor.Cli;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// A drift statistic reaches every rendering by its registration alone: a toy statistic defined only here appears in
/// the JSON, the terminal's feature table and the dashboard, with no renderer edit; without the registration none shows it.
/// </summary>
public sealed class StatisticRenderingTests
{
    private static readonly ReferenceProfile Plain = ReferenceProfile.Fit(OrderGenerator.Generate(Scenario.Baseline, 2000, seed: 1));

    private static readonly OrderTable Batch = OrderGenerator.Generate(Scenario.FlashSale, 500, seed: 2);

    [Fact]
    public void A_toy_statistic_registered_once_appears_in_the_json_the_text_table_and_the_dashboard()
    {
        var registry = DriftMethodRegistry.Default
            .With(FeatureKind.Numeric, new CountRatio())
            .With(FeatureKind.Categorical, new CountRatio());
        var monitor = new BatchMonitor(new ReferenceProfile(Plain.Summary, registry));

        var check = monitor.Check(Batch);
        var json = DriftJson.ToNode(check.Drift);
        var text = Text(check);
        var html = HtmlReport.Render(monitor.ReferenceOverview, "reference", [check]);

        // 500 batch rows against 2000 reference rows, on every feature of both kinds (no value is missing).
        foreach (var feature in json["features"]!.AsArray())
        {
            Assert.Equal(0.25, feature!["countRatio"]!.GetValue<double>());
        }

        Assert.Equal(check.Drift.Features.Count, FeatureTable.Of(check.Drift).Count(r => r.Distance.EndsWith("; count_ratio=0.250", StringComparison.Ordinal)));
        Assert.Contains("count_ratio=0.250", text, StringComparison.Ordinal);
        Assert.Contains("; count_ratio=0.250</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_registration_no_rendering_shows_it_and_the_built_in_ones_are_unchanged()
    {
        var registry = DriftMethodRegistry.Default.With(FeatureKind.Numeric, new CountRatio());
        var plain = new BatchMonitor(Plain).Check(Batch);
        var extended = new BatchMonitor(new ReferenceProfile(Plain.Summary, registry)).Check(Batch);

        Assert.DoesNotContain("countRatio", DriftJson.Serialize(plain.Drift), StringComparison.Ordinal);
        Assert.DoesNotContain("count_ratio", Text(plain), StringComparison.Ordinal);
        // The extra statistic adds its field and its text, and changes nothing else: the decision reads only the tests and PSI.
        var stripped = DriftJson.ToNode(extended.Drift);
        foreach (var feature in stripped["features"]!.AsArray())
        {
            feature!.AsObject().Remove("countRatio");
        }

        Assert.Equal(DriftJson.ToNode(plain.Drift).ToJsonString(), stripped.ToJsonString());
        var rows = FeatureTable.Of(extended.Drift).Zip(FeatureTable.Of(plain.Drift));
        Assert.All(rows, r => Assert.Equal(
            r.Second with { Distance = r.Second.Kind == "numeric" ? r.Second.Distance + "; count_ratio=0.250" : r.Second.Distance },
            r.First));
    }

    [Fact]
    public void A_feature_with_no_value_writes_the_toys_field_as_null()
    {
        var registry = DriftMethodRegistry.Default.With(FeatureKind.Numeric, new CountRatio());
        var profile = new ReferenceProfile(Plain.Summary, registry);
        var s = DatasetSummary.Of(Batch);
        // The batch's price column entirely empty: its drift is not computable.
        var empty = new DatasetSummary(
            s.Source,
            s.Rows,
            s.Numeric.ToDictionary(p => p.Key, p => p.Key == OrderSchema.ProductPrice ? EmpiricalDistribution.FromSample([]) : p.Value),
            s.Categorical,
            s.Returned,
            new Dictionary<string, long> { [OrderSchema.ProductPrice] = s.Rows },
            s.Features);

        var feature = DriftJson.ToNode(profile.Compare(empty))["features"]!.AsArray().Single(f => (string?)f!["name"] == OrderSchema.ProductPrice)!;

        Assert.True(feature.AsObject().ContainsKey("countRatio"));
        Assert.Null(feature["countRatio"]);
        Assert.Null(feature["ksStatistic"]);
        Assert.True(feature.AsObject().ContainsKey("ksStatistic"));
    }

    [Fact]
    public void The_generic_display_of_a_test_and_of_a_distance()
    {
        var test = StatisticDisplay.Generic(DriftMethodResult.Test("anderson_darling", 2.5, 0.0123, 0.05));
        var distance = StatisticDisplay.Generic(DriftMethodResult.Distance("hellinger", 0.12345, 0.1));

        Assert.Equal([new("andersonDarling", 2.5), new("andersonDarlingPValue", 0.0123)], test.Fields);
        Assert.Equal((StatisticColumn.Test, "anderson_darling=2.500, p=0.0123"), (test.Column, test.Text));
        Assert.Equal([new StatisticField("hellinger", 0.12345)], distance.Fields);
        Assert.Equal((StatisticColumn.Distance, "hellinger=0.123"), (distance.Column, distance.Text));
    }

    private static string Text(BatchCheck check)
    {
        var writer = new StringWriter();
        TextTables.Check(new CliOutput(writer, TextWriter.Null).Console, check);
        return writer.ToString();
    }

    /// <summary>Toy statistic: the batch's count of values over the reference's (a distance with no display of its own).</summary>
    private sealed class CountRatio : IDriftMethod<EmpiricalDistribution>, IDriftMethod<CategoryCounts>
    {
        public string Key => "count_ratio";

        public double? Threshold => null;

        public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference) =>
            new Fitted<EmpiricalDistribution>(current => DriftMethodResult.Distance(Key, (double)current.Count / reference.Count, Threshold));

        public IFittedDriftMethod<CategoryCounts> Fit(CategoryCounts reference) =>
            new Fitted<CategoryCounts>(current => DriftMethodResult.Distance(Key, (double)current.Total / reference.Total, Threshold));

        private sealed class Fitted<T>(Func<T, DriftMethodResult> calculate) : IFittedDriftMethod<T>
        {
            public DriftMethodResult Calculate(T current) => calculate(current);
        }
    }
}
