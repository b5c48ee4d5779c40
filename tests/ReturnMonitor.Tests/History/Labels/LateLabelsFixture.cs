using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.History.Periods;
using ReturnMonitor.Modeling.Scoring;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.History.Labels;

/// <summary>
/// A model trained elsewhere (the scikit-learn score-column fixture, 1,000 scored orders) monitored in two periods of
/// 500 orders each, recorded unlabelled with order ids "A0000"… — and the same orders checked labelled in one shot, the
/// yardstick that late labels must reproduce exactly.
/// </summary>
internal sealed class LateLabelsFixture
{
    private static readonly string Folder = Path.Combine(TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Modeling", "Scoring", "Reference");

    public LateLabelsFixture()
    {
        var referencePath = Path.Combine(Folder, "reference_scored.csv");
        var batchPath = Path.Combine(Folder, "batch_scored.csv");
        var reference = OrderCsv.Read(referencePath);
        Source = new ScoreColumnSource("proba", "pred");
        Monitor = new BatchMonitor(ReferenceProfile.Fit(reference), ModelMonitor.FromScores(Source, reference, referencePath)) { Multivariate = false };
        Labelled = OrderCsv.Read(batchPath, missing: MissingCells.Allow);
        Scores = Source.Score(Labelled, batchPath);
        Unlabelled = OrderCsv.Read(WithoutColumn(batchPath, "returned"), missing: MissingCells.Allow);
        Ids = Enumerable.Range(0, Labelled.Count).Select(i => $"A{i:D4}").ToArray();
        Truth = Labelled.Returned.ToArray();
    }

    public ScoreColumnSource Source { get; }

    public BatchMonitor Monitor { get; }

    public OrderTable Labelled { get; }

    public OrderTable Unlabelled { get; }

    public double[] Scores { get; }

    public string[] Ids { get; }

    public bool[] Truth { get; }

    /// <summary>Rows of period k (0: the first 500 orders, 1: the last 500).</summary>
    public static int[] Rows(int period) => Enumerable.Range(500 * period, 500).ToArray();

    public static BatchPeriod Period(int period) => BatchPeriod.Parse(period == 0 ? "2026-W14" : "2026-W15");

    /// <summary>Records both periods unlabelled into a new history, keeping their order ids.</summary>
    public string RecordUnlabelled()
    {
        var path = HistoryFixtures.TempFile();
        using var store = HistoryStore.Open(path);
        var monitor = new PeriodMonitor(Monitor, HistoryFixtures.Hash(1));
        for (var k = 0; k < 2; k++)
        {
            var part = Part(Unlabelled, k);
            monitor.Run(store, part, HistoryFixtures.Hash(100 + k), Period(k), source: $"batch-{k}.csv", orderIds: Rows(k).Select(i => Ids[i]).ToArray(), idColumn: "order_id");
        }

        return path;
    }

    /// <summary>The one-shot labelled check of period k's orders.</summary>
    public BatchCheck OneShot(int period) => Monitor.Check(Part(Labelled, period));

    /// <summary>The labels of the given rows, as a labels file would give them (line = row + 2).</summary>
    public IReadOnlyList<OrderLabel> LabelsOf(IEnumerable<int> rows) => rows.Select(i => new OrderLabel(Ids[i], Truth[i], i + 2)).ToArray();

    private OrderTable Part(OrderTable table, int period)
    {
        var rows = Rows(period);
        var part = table.Select(rows, $"{table.Source} {Period(period).Label}");
        Source.Attach(part, rows.Select(i => Scores[i]).ToArray());
        return part;
    }

    private static string WithoutColumn(string path, string column)
    {
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), column);
        var target = Path.Combine(Path.GetDirectoryName(HistoryFixtures.TempFile())!, "unlabelled.csv");
        File.WriteAllLines(target, lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != index))));
        return target;
    }
}
