namespace ReturnMonitor.Tests;

/// <summary>
/// Test traits. <c>[Trait(Traits.Category, Traits.Slow)]</c> marks a test that needs a browser, Jupyter or a long
/// simulation (several seconds or more): the fast loop, <c>dotnet test ReturnMonitor.sln --filter "Category!=Slow"</c>,
/// skips it; <c>.ci/run</c> runs everything (docs/contributing.md).
/// </summary>
internal static class Traits
{
    /// <summary>The trait name the filter reads.</summary>
    public const string Category = "Category";

    /// <summary>A browser, Jupyter or long-simulation test, left out of the fast loop.</summary>
    public const string Slow = "Slow";
}
