using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace ReturnMonitor.Summaries;

/// <summary>
/// The parallel part of every streaming summariser (CSV blocks, Parquet row groups): the calling thread enumerates the
/// blocks of a file in order (reading, for CSV), worker threads process them, each into its own state (a
/// <see cref="DatasetSummaryBuilder"/>, merged by the caller). At most two blocks per worker wait in the queue, so memory
/// is bounded whatever the file size. Errors are reported as a sequential read would: the error of the earliest block
/// wins (a failure while enumerating counts as the block it was about to produce), and blocks after a known error are
/// skipped.
/// </summary>
internal static class BlockPipeline
{
    /// <summary>Processes every block; returns the states of the workers that processed any (none for no blocks).</summary>
    /// <param name="blocks">The blocks in file order, enumerated on the calling thread.</param>
    /// <param name="workers">Worker threads (at least 1).</param>
    /// <param name="newState">Creates one worker's state (called on that worker).</param>
    /// <param name="process">Processes one block into a worker's state.</param>
    /// <param name="release">Called once for every block enumerated, processed or skipped (to return its buffer); null for none.</param>
    public static TState[] Run<TBlock, TState>(IEnumerable<TBlock> blocks, int workers, Func<TState> newState, Action<TState, TBlock> process, Action<TBlock>? release = null)
    {
        workers = Math.Max(1, workers);
        var queue = new BlockingCollection<(TBlock Block, long Index)>(boundedCapacity: workers * 2);
        var states = new TState[workers];
        var created = new bool[workers];
        var errors = new EarliestError();
        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            threads[w] = new Thread(() => Work(queue, states, created, worker, newState, process, release, errors)) { IsBackground = true, Name = "summary-worker-" + w };
            threads[w].Start();
        }

        long next = 0;
        try
        {
            using var enumerator = blocks.GetEnumerator();
            while (!errors.HasErrorBefore(next) && enumerator.MoveNext())
            {
                queue.Add((enumerator.Current, next++));
            }
        }
        catch (Exception e)
        {
            errors.Report(next, e);
        }
        finally
        {
            queue.CompleteAdding();
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        errors.ThrowIfAny();
        return states.Where((_, w) => created[w]).ToArray();
    }

    private static void Work<TBlock, TState>(
        BlockingCollection<(TBlock Block, long Index)> queue, TState[] states, bool[] created, int worker, Func<TState> newState, Action<TState, TBlock> process, Action<TBlock>? release, EarliestError errors)
    {
        foreach (var (block, index) in queue.GetConsumingEnumerable())
        {
            try
            {
                if (!errors.HasErrorBefore(index))
                {
                    if (!created[worker])
                    {
                        states[worker] = newState();
                        created[worker] = true;
                    }

                    process(states[worker], block);
                }
            }
            catch (Exception e)
            {
                errors.Report(index, e);
            }
            finally
            {
                release?.Invoke(block);
            }
        }
    }

    /// <summary>The error of the earliest block so far.</summary>
    private sealed class EarliestError
    {
        private readonly Lock gate = new();
        private long index = long.MaxValue;
        private Exception? error;

        public bool HasErrorBefore(long blockIndex) => Volatile.Read(ref index) < blockIndex;

        public void Report(long blockIndex, Exception e)
        {
            lock (gate)
            {
                if (blockIndex < index)
                {
                    error = e;
                    Volatile.Write(ref index, blockIndex);
                }
            }
        }

        public void ThrowIfAny()
        {
            if (error is not null)
            {
                ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
    }
}
