using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>How <see cref="OrderFile"/> reads a file.</summary>
public sealed record SummarizeOptions
{
    /// <summary>Default options: all cores, 256 KiB blocks, no progress.</summary>
    public static SummarizeOptions Default { get; } = new();

    /// <summary>Threads that parse and summarise blocks in parallel (the calling thread only reads). Default: the number of cores.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Size of the blocks a CSV file is cut into (at record boundaries); grows when one record is larger. Default 256 KiB (up to ~7 are in flight; 1 MiB until the continuous benchmark had to fit in a quarter of pandas' memory).</summary>
    public int BlockSize { get; init; } = 1 << 18;

    /// <summary>
    /// Whether an empty feature cell (a Parquet null) is an error, the default for training and reference data, or a
    /// missing value counted in <see cref="DatasetSummary.Missing"/> (<see cref="MissingCells.Allow"/>, for batches).
    /// </summary>
    public MissingCells MissingCells { get; init; } = MissingCells.Reject;

    /// <summary>
    /// Distinct values per numeric feature kept exactly; past it the feature's distribution is the bounded sketch
    /// (<see cref="EmpiricalDistribution.IsExact"/> false). Default <see cref="EmpiricalDistribution.DefaultExactLimit"/>.
    /// </summary>
    public int ExactLimit { get; init; } = EmpiricalDistribution.DefaultExactLimit;

    /// <summary>The columns to read (features, target, categories kept); null for the demo's (<see cref="ReadPlan.Demo"/>).</summary>
    public ReadPlan? Plan { get; init; }

    /// <summary>Counters updated while reading, for a progress display; null for none.</summary>
    public ReadProgress? Progress { get; init; }
}
