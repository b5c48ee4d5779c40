using System.CommandLine;
using ReturnMonitor.Data;

namespace ReturnMonitor.Cli;

/// <summary>Options that several commands take, defined once so that no command reaches into another.</summary>
internal static class SharedOptions
{
    /// <summary><c>--seed</c> of the demo data.</summary>
    public static Option<ulong> Seed() =>
        new("--seed") { Description = "Random seed (the same seed writes byte-identical files)", DefaultValueFactory = _ => OrderGenerator.DefaultSeed };

    /// <summary><c>--costs</c>: the cost model file.</summary>
    public static Option<string?> Costs() =>
        new("--costs") { Description = "Cost model JSON (see docs/costs.example.json): cost of a return and of an intervention; default: the README's illustrative costs" };

    /// <summary><c>--history</c>: the history database of <c>monitor</c> and <c>history</c>.</summary>
    public static Option<string> History() =>
        new("--history") { Description = "The history database (SQLite), created when missing", Required = true };
}
