using Npgsql;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Sql;

/// <summary>
/// The emitted PostgreSQL script on a real server (<see cref="PostgresFactAttribute"/>): the demo data loaded with
/// <c>COPY … FROM STDIN</c> gives a profile byte-identical to our reader's, and hostile names are only names. Each test
/// works in its own fresh schema, dropped at the end, so tests and runs do not meet.
/// </summary>
public class PostgresValueCountsTests
{
    private static NpgsqlConnection Open()
    {
        var connectionString = PostgresFactAttribute.ConnectionString
            ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set, but {PostgresFactAttribute.Required} says a PostgreSQL server is required (see .ci/postgres.sh)");
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        EngineCounts.Execute(connection, $"CREATE SCHEMA {schema}", $"SET search_path TO {schema}");
        return connection;
    }

    private static void Close(NpgsqlConnection connection)
    {
        using (connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT current_schema()";
            var schema = (string)command.ExecuteScalar()!;
            EngineCounts.Execute(connection, $"DROP SCHEMA {schema} CASCADE");
        }
    }

    [PostgresFact]
    public void Hostile_names_are_quoted_and_counted_exactly_on_postgres()
    {
        var connection = Open();
        try
        {
            SqlScenarios.HostileNames(connection, SqlDialect.Postgres, "DOUBLE PRECISION");
        }
        finally
        {
            Close(connection);
        }
    }

    [PostgresFact]
    public void Emitted_script_over_the_demo_data_loaded_with_copy_gives_the_byte_identical_profile_on_postgres()
    {
        var connection = Open();
        try
        {
            SqlScenarios.DemoProfile(connection, SqlDialect.Postgres, "DOUBLE PRECISION", file =>
            {
                using var writer = connection.BeginTextImport("COPY orders FROM STDIN (FORMAT csv, HEADER true)");
                writer.Write(File.ReadAllText(file));
            });
        }
        finally
        {
            Close(connection);
        }
    }
}
