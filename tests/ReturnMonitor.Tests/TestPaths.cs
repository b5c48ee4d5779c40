namespace ReturnMonitor.Tests;

/// <summary>Locations of the repository and its data, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding ReturnMonitor.sln).</summary>
    public static string Repository { get; } = FindRepository();

    /// <summary>The committed demo data.</summary>
    public static string Data => Path.Combine(Repository, "data");

    /// <summary>The original system's four published CSV files (test fixtures).</summary>
    public static string OriginalData => Path.Combine(Repository, "tests", "ReturnMonitor.Tests", "Fixtures", "original");

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ReturnMonitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ReturnMonitor.sln not found above " + AppContext.BaseDirectory);
    }
}
