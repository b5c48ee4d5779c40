using DuckDB.NET.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Sql;

/// <summary>The emitted DuckDB script, run on tables loaded into DuckDB as a user would (not through the engine option).</summary>
public class EmittedSqlDuckDbTests
{
    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:;autoinstall_known_extensions=false;autoload_known_extensions=false");
        connection.Open();
        return connection;
    }

    [Fact]
    public void Hostile_names_are_quoted_and_counted_exactly_on_duckdb()
    {
        using var connection = Open();
        SqlScenarios.HostileNames(connection, SqlDialect.DuckDb, "DOUBLE");
    }

    [Fact]
    public void Emitted_script_over_the_demo_table_loaded_with_copy_gives_the_byte_identical_profile_on_duckdb()
    {
        using var connection = Open();
        SqlScenarios.DemoProfile(connection, SqlDialect.DuckDb, "DOUBLE",
            file => EngineCounts.Execute(connection, $"COPY orders FROM {SqlText.Literal(file, SqlDialect.DuckDb)} (FORMAT csv, HEADER true)"));
    }
}
