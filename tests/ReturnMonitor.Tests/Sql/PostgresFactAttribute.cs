namespace ReturnMonitor.Tests.Sql;

/// <summary>
/// A test that needs a PostgreSQL server: the Npgsql connection string in <see cref="Variable"/> (<c>.ci/run</c> starts a
/// throwaway server and sets it). Without it the test is reported as skipped with the reason — unless
/// <see cref="Required"/> is set (as <c>.ci/run</c> does), when it runs and fails, so a CI whose server did not start is
/// never green by skipping.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string Variable = "RETURNMONITOR_POSTGRES";

    /// <summary>Set (to anything) where a server must be present.</summary>
    public const string Required = "RETURNMONITOR_POSTGRES_REQUIRED";

    public PostgresFactAttribute()
    {
        if (ConnectionString is null && Environment.GetEnvironmentVariable(Required) is null)
        {
            Skip = $"no PostgreSQL server configured: set {Variable} to an Npgsql connection string (.ci/run starts one with .ci/postgres.sh)";
        }
    }

    /// <summary>The configured connection string, or null.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
