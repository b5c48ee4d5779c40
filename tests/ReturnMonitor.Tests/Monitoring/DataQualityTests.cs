using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Monitoring;

/// <summary>
/// The data-quality section: its counts on a hand-made batch, its exact binomial test against scipy, Holm's correction,
/// and the alarm rule on generated batches (clean ones never alarm; 10% of delivery times blanked always does).
/// </summary>
public class DataQualityTests
{
    private const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered";

    // Price 10–50 and delivery 2–6 days; categories Clothing ×2, Beauty, Sports, Home_Decor (three seen once); sizes M, NA, S, L.
    private const string ReferenceRows =
        "10,0,3,2,0,0,1,0,Clothing,M\n" +
        "20,1,4,3,10,0,2,1,Beauty,NA\n" +
        "30,2,5,4,20,1,3,0,Sports,S\n" +
        "40,3,1,5,30,0,4,0,Clothing,L\n" +
        "50,4,2,6,40,1,5,1,Home_Decor,M\n";

    private const string BatchRows =
        "5,0,3,,0,0,1,0,Clothing,M\n" +          // price below the range; delivery missing
        "60,1,4,,10,0,2,1,Garden,S\n" +          // price above the range; delivery missing; unseen category
        "30,2,5,4,20,1,3,0,,XL\n" +              // category missing (not unseen); unseen size
        ",3,1,7,30,0,4,0,Electronics,L\n" +      // price missing; delivery above the range; unseen category
        "50,4,2,2,40,1,5,1,Clothing,M\n";        // both ends of the ranges are inside

    private const double Z95 = 1.959963984540054;

    private static readonly OrderTable Reference = OrderGenerator.Generate(Scenario.Baseline, 5000, seed: 1);

    private static readonly BatchMonitor Monitor = new(ReferenceProfile.Fit(Reference));

    [Fact]
    public void Counts_missing_out_of_range_and_unseen_values_per_feature_on_a_hand_made_batch()
    {
        var reference = DatasetSummary.Of(OrderCsv.Parse(Header + "\n" + ReferenceRows, "reference.csv"));
        var batch = DatasetSummary.Of(OrderCsv.Parse(Header + "\n" + BatchRows, "batch.csv", MissingCells.Allow));

        var quality = DataQualityCheck.Compare(reference, batch);

        Assert.Equal(5, quality.Rows);
        Assert.Equal(OrderSchema.Features.Select(f => f.Name), quality.Features.Select(f => f.Name));
        var price = quality.Feature(OrderSchema.ProductPrice);
        Assert.Equal((1L, 2L, 0L, 4L), (price.Missing, price.OutOfRange, price.Unseen, price.Present));
        Assert.Equal(0.5, price.OutOfRangeRate);
        Assert.Equal(2.0 / 6, price.ExpectedOutOfRangeRate, 15);
        var delivery = quality.Feature(OrderSchema.DeliveryTimeDays);
        Assert.Equal((2L, 1L), (delivery.Missing, delivery.OutOfRange));
        Assert.Equal(0.4, delivery.MissingRate);
        var category = quality.Feature(OrderSchema.ProductCategory);
        Assert.Equal((1L, 0L, 2L), (category.Missing, category.OutOfRange, category.Unseen));
        Assert.Equal(0.5, category.UnseenRate);
        var size = quality.Feature(OrderSchema.SizeOrdered);
        Assert.Equal((0L, 1L), (size.Missing, size.Unseen));
        var rating = quality.Feature(OrderSchema.ReviewRating);
        Assert.Equal((0L, 0L, 0L), (rating.Missing, rating.OutOfRange, rating.Unseen));
        Assert.Null(rating.UnseenPValue);
        Assert.Equal(4, quality.MissingCells);
        Assert.True(quality.Notable);

        // The reference was read strictly (no gaps); its allowed rate is the Wilson upper bound of 0/5 plus one point.
        Assert.All(quality.Features, f => Assert.Equal((5L, 0L, 0.0), (f.ReferenceRows, f.ReferenceMissing, f.ReferenceMissingRate)));
        Assert.Equal(Z95 * Z95 / (5 + Z95 * Z95) + 0.01, delivery.ExpectedMissingRate, 12);
        // Three of the five reference categories were seen once (Good–Turing): the allowed unseen rate is the Wilson bound of 3/5 plus one point.
        Assert.Equal(TwoProportionTest.Wilson(3, 5).Upper + 0.01, category.ExpectedUnseenRate!.Value, 12);

        // Five orders are far too few to call 2 gaps of 5 a jump over a 5-order reference.
        Assert.False(quality.Alarm);
    }

    [Fact]
    public void The_reference_missing_rate_is_read_from_the_reference_not_assumed_zero()
    {
        var reference = DatasetSummary.Of(OrderCsv.Parse(Header + "\n" + BatchRows, "gappy-reference.csv", MissingCells.Allow));
        var batch = DatasetSummary.Of(OrderCsv.Parse(Header + "\n" + ReferenceRows, "batch.csv"));

        var delivery = DataQualityCheck.Compare(reference, batch).Feature(OrderSchema.DeliveryTimeDays);

        Assert.Equal(2, delivery.ReferenceMissing);
        Assert.Equal(0.4, delivery.ReferenceMissingRate);
        Assert.Equal(TwoProportionTest.Wilson(2, 5).Upper + 0.01, delivery.ExpectedMissingRate, 12);
        Assert.Equal(1.0, delivery.MissingPValue);
    }

    [Theory]
    // Each value: scipy.stats.binomtest(k, n, p, alternative='greater').pvalue (scipy 1.10.1, Debian python3-scipy).
    [InlineData(1, 10, 0.0108, 0.1028995451090562)]
    [InlineData(3, 100, 0.01, 0.07937320225218046)]
    [InlineData(12, 500, 0.0108, 0.009244450935785747)]
    [InlineData(5, 1000, 0.002, 0.052472389792522514)]
    [InlineData(120, 10000, 0.0108, 0.13362422980414343)]
    [InlineData(9000, 1000000, 0.0091, 0.8551011312602788)]
    [InlineData(2, 7, 0.5, 0.9375)]
    [InlineData(3, 1000, 0.02, 0.9999996138490629)]
    [InlineData(0, 10, 0.1, 1.0)]
    [InlineData(10, 10, 0.3, 5.9048999999999975e-06)]
    [InlineData(50, 500, 0.010767701945057124, 7.917201318888903e-32)]
    public void The_binomial_tail_matches_scipy(long k, long n, double p, double expected)
    {
        var actual = DataQualityCheck.BinomialUpperTail(k, n, p);

        Assert.True(Math.Abs(actual - expected) <= 1e-9 * expected, $"P(X ≥ {k} | {n}, {p}) = {actual:R}, scipy {expected:R}");
    }

    [Fact]
    public void The_binomial_tail_handles_the_edges()
    {
        Assert.Equal(0.0, DataQualityCheck.BinomialUpperTail(1, 100, 0));
        Assert.Equal(1.0, DataQualityCheck.BinomialUpperTail(100, 100, 1));
        Assert.Equal(0.0, DataQualityCheck.BinomialUpperTail(101, 100, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataQualityCheck.BinomialUpperTail(1, 10, 1.5));
    }

    [Fact]
    public void Holm_adjusts_step_down_in_input_order()
    {
        // By hand: sorted 0.01, 0.03, 0.04, 0.2 → 4·0.01, 3·0.03, max(0.09, 2·0.04), max(0.09, 0.2).
        Assert.Equal([0.04, 0.09, 0.09, 0.2], MultipleTesting.Holm([0.01, 0.04, 0.03, 0.2]), new ToleranceComparer(1e-15));
        Assert.Equal([1.0, 1.0], MultipleTesting.Holm([0.6, 0.9]));
        Assert.Empty(MultipleTesting.Holm([]));
    }

    [Fact]
    public void Ten_percent_of_delivery_times_blanked_in_500_orders_alarms_with_the_exact_p_value()
    {
        var batch = OrderGaps.Blank(OrderGenerator.Generate(Scenario.Normal, 500, seed: 40), OrderSchema.DeliveryTimeDays, 0.10, new RandomSource(41));

        var quality = Monitor.Check(batch).Quality!;

        var delivery = quality.Feature(OrderSchema.DeliveryTimeDays);
        Assert.Equal(50, delivery.Missing);
        Assert.Equal(0.1, delivery.MissingRate);
        // The reference was generated without gaps: allowed rate = 1.96²/(5000 + 1.96²) + 0.01 = 0.010767701945057124.
        Assert.Equal(0.010767701945057124, delivery.ExpectedMissingRate, 15);
        // scipy.stats.binomtest(50, 500, 0.010767701945057124, alternative='greater').pvalue = 7.917201318888903e-32
        Assert.Equal(7.917201318888903e-32, delivery.MissingPValue, 1e-9 * 7.917201318888903e-32);
        // The smallest of 11 p-values (9 missing-value tests, 2 unseen-category tests): Holm multiplies it by 11.
        Assert.Equal(11 * delivery.MissingPValue, delivery.PValue, 1e-9 * delivery.PValue);
        Assert.True(delivery.MissingAlarm);
        Assert.True(quality.Alarm);
        Assert.Equal([OrderSchema.DeliveryTimeDays], quality.Alarmed.Select(f => f.Name));
        Assert.Equal(0, quality.Imputed); // no model, nothing scored
    }

    [Fact]
    public void Ten_percent_blanked_gives_a_monitor_finding_and_a_quarter_an_urgent_one()
    {
        var normal = OrderGenerator.Generate(Scenario.Normal, 1000, seed: 42);

        var tenth = Monitor.Check(OrderGaps.Blank(normal, OrderSchema.DeliveryTimeDays, 0.10, new RandomSource(43))).Recommendation;
        var quarter = Monitor.Check(OrderGaps.Blank(normal, OrderSchema.DeliveryTimeDays, 0.25, new RandomSource(43))).Recommendation;

        var finding = Assert.Single(tenth.Findings, f => f.Title == "Data quality: delivery_time_days");
        Assert.Equal(Urgency.Monitor, finding.Urgency);
        Assert.StartsWith("10.0% of delivery_time_days missing (100 of 1,000 orders; reference 0.0%), p = ", finding.Evidence);
        Assert.StartsWith("Check the pipeline feeding delivery_time_days", finding.Actions[0]);
        Assert.DoesNotContain(tenth.Findings, f => f.Title == "No drift");
        Assert.Equal(Urgency.Monitor, tenth.Urgency);
        Assert.Equal(Urgency.Urgent, Assert.Single(quarter.Findings, f => f.Title.StartsWith("Data quality", StringComparison.Ordinal)).Urgency);
    }

    [Theory]
    [InlineData(500, 50)]
    [InlineData(500, 51)]
    [InlineData(1000, 52)]
    [InlineData(5000, 53)]
    public void A_clean_batch_has_no_alarm_and_no_finding(int size, int seed)
    {
        var check = Monitor.Check(OrderGenerator.Generate(Scenario.Normal, size, (ulong)seed));

        var quality = check.Quality!;
        Assert.False(quality.Alarm);
        Assert.False(quality.Notable);
        Assert.Equal(0, quality.MissingCells);
        Assert.All(quality.Features, f => Assert.Equal(1.0, f.MissingPValue));
        Assert.Equal(["No drift"], check.Recommendation.Findings.Select(f => f.Title));
    }

    [Fact]
    public void One_gap_never_alarms_whatever_the_batch_size()
    {
        foreach (var size in new[] { 20, 500, 5000 })
        {
            var batch = OrderGenerator.Generate(Scenario.Normal, size, seed: 60);
            var gappy = batch.WithNumeric(OrderSchema.ProductPrice, batch.Numeric(OrderSchema.ProductPrice).ToArray().Select((v, i) => i == 3 ? double.NaN : v).ToArray());

            var quality = Monitor.Check(gappy).Quality!;

            Assert.Equal(1, quality.Feature(OrderSchema.ProductPrice).Missing);
            Assert.True(quality.Notable);
            Assert.False(quality.Alarm);
        }
    }

    [Fact]
    public void A_summary_check_and_a_table_check_report_the_same_data_quality()
    {
        var batch = OrderGaps.Blank(OrderGenerator.Generate(Scenario.Normal, 800, seed: 61), OrderSchema.ProductCategory, 0.05, new RandomSource(62));

        var fromTable = Monitor.Check(batch).Quality!;
        var fromSummary = Monitor.Check(DatasetSummary.Of(batch)).Quality!;

        Assert.Equal(fromTable.Features, fromSummary.Features);
        Assert.Equal(40, fromTable.Feature(OrderSchema.ProductCategory).Missing);
        Assert.True(fromTable.Feature(OrderSchema.ProductCategory).MissingAlarm);
        Assert.Equal(0, fromTable.Feature(OrderSchema.ProductCategory).Unseen); // a gap is not an unseen category
    }

    [Fact]
    public void Unseen_categories_alarm_without_a_second_finding()
    {
        var batch = OrderGenerator.Generate(Scenario.Normal, 1000, seed: 3);
        var categories = batch.Categorical(OrderSchema.ProductCategory).Select((c, i) => i % 10 == 0 ? "Garden_Tools" : c).ToArray();

        var check = Monitor.Check(batch.WithCategorical(OrderSchema.ProductCategory, categories));

        var category = check.Quality!.Feature(OrderSchema.ProductCategory);
        Assert.Equal(100, category.Unseen);
        Assert.True(category.UnseenAlarm);
        Assert.False(category.MissingAlarm);
        Assert.DoesNotContain(check.Recommendation.Findings, f => f.Title.StartsWith("Data quality", StringComparison.Ordinal));
        Assert.Contains(check.Recommendation.Findings, f => f.Title == "Values never seen in training: product_category");
    }

    [Fact]
    public void Gaps_are_imputed_for_scoring_with_the_reference_median_and_mode_and_counted()
    {
        var batch = OrderGaps.Blank(SmallModel.Normal, OrderSchema.DeliveryTimeDays, 0.10, new RandomSource(70));
        batch = OrderGaps.Blank(batch, OrderSchema.SizeOrdered, 0.05, new RandomSource(71));
        var reference = SmallModel.Folder.Profile.Summary;

        var (filled, imputed) = MissingImputation.ForScoring(batch, reference);
        var check = SmallModel.Monitor.Check(batch);

        Assert.Equal(80 + 40, imputed);
        Assert.Equal(imputed, check.Quality!.Imputed);
        Assert.Equal(0, filled.MissingCount(OrderSchema.DeliveryTimeDays));
        Assert.Equal(0, filled.MissingCount(OrderSchema.SizeOrdered));
        var median = reference.Numeric[OrderSchema.DeliveryTimeDays].Percentile(50);
        var delivery = batch.Numeric(OrderSchema.DeliveryTimeDays).ToArray();
        var filledDelivery = filled.Numeric(OrderSchema.DeliveryTimeDays).ToArray();
        Assert.All(Enumerable.Range(0, batch.Count), i => Assert.Equal(double.IsNaN(delivery[i]) ? median : delivery[i], filledDelivery[i]));
        var mode = reference.Categorical[OrderSchema.SizeOrdered].Pairs.MaxBy(p => p.Value).Key;
        Assert.Equal(mode, filled.Categorical(OrderSchema.SizeOrdered)[batch.Categorical(OrderSchema.SizeOrdered).ToList().IndexOf(OrderTable.MissingCategory)]);

        // The model saw the filled table: same scores as scoring it directly, all finite, and money was computed.
        Assert.Equal(SmallModel.Folder.Model.PredictProbabilities(filled), check.Model!.Scores);
        Assert.All(check.Model.Scores, s => Assert.True(double.IsFinite(s)));
        Assert.NotNull(check.Money);
        Assert.True(double.IsFinite(check.Money!.ReturnCost.ExpectedPerOrder));
        Assert.Contains(check.Recommendation.Findings, f => f.Title == "Data quality: delivery_time_days" && f.Actions.Any(a => a.Contains("median", StringComparison.Ordinal)));
        // The original batch is untouched: the drift section describes the present values only.
        Assert.Equal(80, batch.MissingCount(OrderSchema.DeliveryTimeDays));
    }

    [Fact]
    public void Gaps_at_the_reference_own_rate_rarely_alarm_and_a_jump_to_five_times_it_does()
    {
        // A reference whose delivery times have gaps too (2%, each cell independently), and batches of 500 with the same
        // 2% (every alarm false) or 10% (a real jump): the rule's calibration, not only its behaviour without any gap.
        var reference = DatasetSummary.Of(BlankEach(Reference, 0.02, 80));
        Assert.InRange(reference.Missing[OrderSchema.DeliveryTimeDays], 70, 130);

        int Alarms(double share) => Enumerable.Range(0, 300).Count(trial =>
        {
            var batch = BlankEach(OrderGenerator.Generate(Scenario.Normal, 500, (ulong)(1000 + trial)), share, (ulong)(5000 + trial));
            return DataQualityCheck.Compare(reference, DatasetSummary.Of(batch)).Alarm;
        });

        var falseAlarms = Alarms(0.02);
        var detections = Alarms(0.10);
        Assert.True(falseAlarms <= 3, $"{falseAlarms} of 300 batches at the reference's rate alarmed"); // at most 1% (Holm at α = 1%, and the one-point floor)
        Assert.True(detections >= 285, $"{detections} of 300 batches with 10% gaps alarmed");             // at least 95%
    }

    // Each delivery time blanked independently with probability `share`.
    private static OrderTable BlankEach(OrderTable table, double share, ulong seed)
    {
        var random = new RandomSource(seed);
        var values = table.Numeric(OrderSchema.DeliveryTimeDays).ToArray().Select(v => random.Bernoulli(share) ? double.NaN : v).ToArray();
        return table.WithNumeric(OrderSchema.DeliveryTimeDays, values);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
