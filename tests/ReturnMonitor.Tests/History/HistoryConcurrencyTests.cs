using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using static ReturnMonitor.Tests.History.HistoryFixtures;

namespace ReturnMonitor.Tests.History;

/// <summary>Several writers on one file at once: nothing lost, nothing duplicated, no record half-written.</summary>
public sealed class HistoryConcurrencyTests
{
    [Fact]
    public void Four_writers_with_their_own_connections_lose_and_duplicate_nothing()
    {
        const int writers = 4, own = 30, shared = 10;
        var path = TempFile();
        using var start = new Barrier(writers);
        var outcomes = new RecordOutcome[writers][];
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            // Each writer opens the (possibly not yet created) file itself: creation and migration race too.
            start.SignalAndWait();
            using var store = HistoryStore.Open(path);
            var mine = new List<RecordOutcome>();
            for (var i = 0; i < own; i++)
            {
                mine.Add(store.Record(Record($"2026-W{1 + i % 50:00}", Hash(1000 * (w + 1) + i), DriftStatus.Warning, seed: w)));
                // Every writer also records the same shared batches, interleaved with its own.
                if (i < shared)
                {
                    mine.Add(store.Record(Record("2026-W20", Hash(i), seed: 7)));
                }
            }

            outcomes[w] = mine.ToArray();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        using var reader = HistoryStore.Open(path);
        var batches = reader.Batches();
        Assert.Equal(writers * own + shared, batches.Count);
        Assert.Equal(batches.Count, batches.Select(b => (b.Record.Period.Label, b.Record.ContentHash)).Distinct().Count());
        // Each shared batch was inserted by exactly one writer; the others got its id back.
        var sharedOutcomes = outcomes.SelectMany(o => o).Where(o => batches.Single(b => b.Id == o.Id).Record.Period.Label == "2026-W20" && batches.Single(b => b.Id == o.Id).Record.Source == "batch-7.csv").ToArray();
        Assert.Equal(writers * shared, sharedOutcomes.Length);
        Assert.Equal(shared, sharedOutcomes.Count(o => o.Inserted));
        Assert.All(batches, b => Assert.Equal(Record(b.Record.Period.Label, b.Record.ContentHash, b.Record.Status, (int)(b.Record.Rows - 1000)).Features, b.Record.Features));
        Assert.Equal(batches.Count * 2L, HistoryStoreTests.Count(path, "model_health"));
    }

    [Fact]
    public void A_reader_sees_whole_records_while_a_writer_writes()
    {
        var path = TempFile();
        HistoryStore.Open(path).Dispose();
        var done = false;
        var writer = new Thread(() =>
        {
            using var store = HistoryStore.Open(path);
            for (var i = 0; i < 60; i++)
            {
                store.Record(Record($"2026-W{1 + i % 50:00}", Hash(i), DriftStatus.Critical, seed: i % 5));
            }

            Volatile.Write(ref done, true);
        });
        writer.Start();
        using var reader = HistoryStore.Open(path);
        var reads = 0;
        while (!Volatile.Read(ref done) || reads == 0)
        {
            var snapshot = reader.Batches();
            Assert.All(snapshot, b =>
            {
                Assert.Equal(9, b.Record.Features.Count);
                Assert.Equal(2, b.Record.ModelHealth.Count);
                Assert.Equal(2, b.Record.Alerts.Count);
                Assert.NotNull(b.Record.Money);
            });
            reads++;
        }

        writer.Join();
        Assert.Equal(60, reader.Batches().Count);
    }
}
