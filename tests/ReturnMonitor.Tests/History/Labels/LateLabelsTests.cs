using ReturnMonitor.Data.Schema;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.History.Labels;

/// <summary>
/// Labels that arrive weeks after a period was recorded: joined to the orders the period kept, they give realized
/// metrics, return rate and realized money exactly equal to a one-shot labelled check of the same orders — whether they
/// come at once, twice, or in two parts — while the estimate made at the time stays as it was.
/// </summary>
public sealed class LateLabelsTests
{
    private static readonly Lazy<LateLabelsFixture> Shared = new(() => new LateLabelsFixture());

    private static LateLabelsFixture F => Shared.Value;

    [Fact]
    public void All_labels_at_once_give_the_one_shot_checks_figures_exactly_and_again_change_nothing()
    {
        var path = F.RecordUnlabelled();
        using var store = HistoryStore.Open(path);
        var before = store.Batches();
        Assert.All(before, e => Assert.Equal(0, e.Record.Labelled));
        Assert.All(before, e => Assert.Null(e.Record.Metric("accuracy")!.Realized));

        var first = store.AddLabels(F.LabelsOf(Enumerable.Range(0, 1000)));
        Assert.Equal((1000L, 1000L, 0L, 0L, 0L, 0L), (first.Rows, first.NewLabels, first.AlreadyKnown, first.Conflicts, first.Unknown, first.Duplicates));
        AssertEqualsOneShot(store.Batches(), before);

        var after = store.Batches();
        var again = store.AddLabels(F.LabelsOf(Enumerable.Range(0, 1000)));
        Assert.Equal((0L, 1000L), (again.NewLabels, again.AlreadyKnown));
        var twice = store.Batches();
        for (var i = 0; i < after.Count; i++)
        {
            HistoryFixtures.AssertSame(after[i].Record, twice[i].Record);
        }
    }

    [Fact]
    public void Two_parts_wait_below_the_minimum_share_then_equal_one_whole()
    {
        var path = F.RecordUnlabelled();
        using var store = HistoryStore.Open(path);
        var before = store.Batches();

        // Odd rows first: half of each period, below the 90% minimum — counted, nothing realized yet.
        var half = store.AddLabels(F.LabelsOf(Enumerable.Range(0, 1000).Where(i => i % 2 == 1)));
        Assert.Equal(500, half.NewLabels);
        Assert.All(half.Periods, p => Assert.Equal((500L, 250L), (p.Orders, p.Labelled)));
        Assert.All(half.Periods, p => Assert.Null(p.Realized));
        Assert.All(store.Batches(), e => Assert.Null(e.Record.Metric("accuracy")!.Realized));
        Assert.Contains("labelled 250/500 (50.0%): waiting (realized figures from 90% labelled)", LabelsText.Lines(half, "labels.csv")[1]);

        var rest = store.AddLabels(F.LabelsOf(Enumerable.Range(0, 1000).Where(i => i % 2 == 0)));
        Assert.Equal(500, rest.NewLabels);
        Assert.All(rest.Periods, p => Assert.Equal(500L, p.Labelled));
        AssertEqualsOneShot(store.Batches(), before);
    }

    [Fact]
    public void At_the_minimum_share_the_realized_figures_are_those_of_the_labelled_orders()
    {
        var path = F.RecordUnlabelled();
        using var store = HistoryStore.Open(path);

        // Period W14 (rows 0–499): 449 labelled is 89.8%, waiting; the 450th makes 90%.
        var waiting = store.AddLabels(F.LabelsOf(Enumerable.Range(0, 449)));
        Assert.Null(Assert.Single(waiting.Periods).Realized);
        var reached = store.AddLabels(F.LabelsOf([449]));
        var period = Assert.Single(reached.Periods);
        var rows = Enumerable.Range(0, 450).ToArray();
        var expected = ReturnMonitor.Modeling.ClassificationMetrics.Compute(rows.Select(i => F.Truth[i]).ToArray(), rows.Select(i => F.Scores[i]).ToArray(), 0.5);
        Assert.Equal(expected, period.Realized);
        Assert.Equal(rows.Count(i => F.Truth[i]) / 450.0, period.ReturnRate);
        Assert.Equal(expected.Accuracy, store.Batches()[0].Record.Metric("accuracy")!.Realized);
    }

    [Fact]
    public void Unknown_duplicate_and_conflicting_ids_are_counted_reported_and_the_first_label_kept()
    {
        var path = F.RecordUnlabelled();
        using var store = HistoryStore.Open(path);
        store.AddLabels(F.LabelsOf([0, 1, 2]));
        // Hand-made file: row 0 repeats a stored label (known), row 1 contradicts the stored label of A0001 (conflict),
        // A0003 is new, appears again with the same label and once more with the other (2 duplicates, 1 disagreeing),
        // and two ids no period holds.
        OrderLabel[] labels =
        [
            new("A0000", F.Truth[0], 2), new("A0001", !F.Truth[1], 3), new("A0003", F.Truth[3], 4), new("A0003", F.Truth[3], 5),
            new("A0003", !F.Truth[3], 6), new("Z1", true, 7), new("Z2", false, 8),
        ];

        var outcome = store.AddLabels(labels);

        Assert.Equal((7L, 1L, 1L, 1L, 2L, 2L, 1L), (outcome.Rows, outcome.NewLabels, outcome.AlreadyKnown, outcome.Conflicts, outcome.Unknown, outcome.Duplicates, outcome.DuplicatesDisagreeing));
        Assert.Equal(3, outcome.FirstConflict!.Line);
        Assert.Equal("Z1", outcome.FirstUnknown!.Id);
        Assert.Equal(5, outcome.FirstDuplicate!.Line);
        Assert.Equal(4L, Assert.Single(outcome.Periods).Labelled);
        Assert.Equal("labels.csv: 7 label(s): 1 new, 1 already known, 1 conflicting with a stored label (the stored label kept; first: line 3, id 'A0001'), " +
            "2 unknown id(s) (no recorded period holds them; first: line 7, id 'Z1'), 2 duplicate id(s) in the file (the first row's label used; 1 of them with a different label; first: line 5, id 'A0003')",
            LabelsText.Lines(outcome, "labels.csv")[0]);

        // The first label stays: labelling everything now gives exactly the truth's figures.
        store.AddLabels(F.LabelsOf(Enumerable.Range(0, 1000)));
        Assert.Equal(F.OneShot(0).Model!.Realized!.Accuracy, store.Batches()[0].Record.Metric("accuracy")!.Realized);
    }

    [Fact]
    public void The_id_column_is_the_option_else_the_schemas_one_id_column_for_csv_batches()
    {
        SchemaColumn Id(string name) => new(name, ColumnRole.Id);
        var price = new SchemaColumn("price", ColumnRole.Numeric);
        var one = new DatasetSchema([Id("order_id"), price]);

        Assert.Equal("order_id", LabelsFile.IdColumn(one, null, "week.csv"));
        Assert.Equal("ref", LabelsFile.IdColumn(one, "ref", "week.csv"));
        Assert.Null(LabelsFile.IdColumn(one, null, "week.parquet"));
        Assert.Null(LabelsFile.IdColumn(new DatasetSchema([Id("order_id"), Id("customer_id"), price]), null, "week.csv"));
        Assert.Null(LabelsFile.IdColumn(new DatasetSchema([price]), null, "week.csv"));
        Assert.Null(LabelsFile.IdColumn(DemoSchema.Schema, null, "week.csv"));
    }

    private static void AssertEqualsOneShot(IReadOnlyList<HistoryEntry> entries, IReadOnlyList<HistoryEntry> before)
    {
        Assert.Equal(2, entries.Count);
        for (var k = 0; k < 2; k++)
        {
            var check = F.OneShot(k);
            var record = entries[k].Record;
            Assert.Equal(500, record.Labelled);
            foreach (var metric in PerformanceMetrics.All)
            {
                var stored = record.Metric(metric.JsonName())!;
                // Exact: the same orders, scores, decisions and summation order as the labelled check.
                Assert.Equal(metric.Of(check.Model!.Realized!), stored.Realized);
                // The estimate made at the time never changes.
                Assert.Equal(before[k].Record.Metric(metric.JsonName()), stored with { Realized = null });
            }

            Assert.Equal(check.Drift.Target!.CurrentRate, record.ReturnRate);
            Assert.Equal(HistoryMapping.MoneyOf(check)!["realizedReturnCost"], record.Money!["realizedReturnCost"]);
            Assert.Equal(before[k].Record.Money!["expectedReturnCost"], record.Money["expectedReturnCost"]);
        }
    }
}
