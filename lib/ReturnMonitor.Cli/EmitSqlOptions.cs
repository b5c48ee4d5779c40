using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>profile --emit-sql --schema FILE --table NAME [--dialect duckdb|postgres|spark|bigquery] [--out FILE]</c>: writes
/// the value-count query for that schema (<see cref="ValueCountsSql"/>) to stdout or to <c>--out</c>, to be run where the
/// data lives; its result is read back with <c>profile --counts</c>. Kept out of <see cref="ProfileCommand"/>, which
/// only adds these options and calls <see cref="Run"/>.
/// </summary>
internal sealed class EmitSqlOptions
{
    private readonly Option<bool> emit = new("--emit-sql") { Description = "Write the value-count SQL for --schema over --table (to stdout, or --out) instead of a profile; run it where the data lives, then 'profile --counts'" };
    private readonly Option<string?> ownSchema = new("--schema") { Description = "With --emit-sql: the schema.json whose features and target are counted" };
    private readonly Option<string?> table = new("--table") { Description = "With --emit-sql: the table or view to read (dots separate schema and table; every part is quoted)" };
    private readonly Option<string> dialect = new("--dialect") { Description = "With --emit-sql: duckdb, postgres, spark or bigquery", DefaultValueFactory = _ => "duckdb" };

    // The command's --schema: ours, or the one a command's shared data options already declared (then it is reused).
    private readonly Option schema;

    private EmitSqlOptions(Option? existingSchema)
    {
        dialect.AcceptOnlyFromAmong([.. SqlText.DialectNames]);
        schema = existingSchema ?? ownSchema;
    }

    /// <summary>
    /// Adds the options to <paramref name="command"/>; a <c>--schema</c> option the command already has is reused
    /// (whatever its value type: the path is read from its token), so add these after the command's data options.
    /// </summary>
    public static EmitSqlOptions AddTo(Command command)
    {
        var options = new EmitSqlOptions(command.Options.FirstOrDefault(o => o.Name == "--schema"));
        command.Options.Add(options.emit);
        if (ReferenceEquals(options.schema, options.ownSchema))
        {
            command.Options.Add(options.ownSchema);
        }

        command.Options.Add(options.table);
        command.Options.Add(options.dialect);
        return options;
    }

    /// <summary>Whether <c>--emit-sql</c> was given.</summary>
    /// <exception cref="UsageException">Our own <c>--schema</c>, <c>--table</c> or <c>--dialect</c> without <c>--emit-sql</c>: never silently ignored.</exception>
    public bool Requested(ParseResult parse)
    {
        if (parse.GetValue(emit))
        {
            return true;
        }

        foreach (var stray in new Option[] { ownSchema, table, dialect })
        {
            if (parse.GetResult(stray) is { Implicit: false })
            {
                throw new UsageException($"{stray.Name} applies with --emit-sql only");
            }
        }

        return false;
    }

    /// <summary>Writes the SQL; <paramref name="readsData"/> is whether --data or --counts was given too (a usage error).</summary>
    public int Run(ParseResult parse, CliOutput io, string? outPath, bool readsData)
    {
        if (readsData)
        {
            throw new UsageException("--emit-sql writes SQL and reads no data: drop --data and --counts");
        }

        var schemaPath = parse.GetResult(schema)?.Tokens.FirstOrDefault()?.Value ?? throw new UsageException("--emit-sql needs --schema FILE (a schema.json, e.g. from 'returnmonitor schema --data FILE --out schema.json')");
        var tableName = parse.GetValue(table) ?? throw new UsageException("--emit-sql needs --table NAME (the table or view holding the orders)");
        var sqlDialect = SqlText.ParseDialect(parse.GetValue(dialect)!)!.Value;
        SqlText.TableName(tableName, sqlDialect); // a bad table name is the command line's fault, not the schema file's
        var read = SchemaFile.Read(schemaPath);
        string sql;
        try
        {
            sql = ValueCountsSql.Script(read, tableName, sqlDialect);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException(schemaPath, null, null, e.Message);
        }

        if (outPath is null)
        {
            io.Out.Write(sql);
        }
        else
        {
            InputFiles.RequireOutputFile(outPath);
            File.WriteAllText(outPath, sql, new System.Text.UTF8Encoding(false));
            io.Out.WriteLine($"{outPath}: value-count SQL ({SqlText.DialectNames[(int)sqlDialect]}) for {read.Features.Count} features{(read.Target is null ? "" : " and the target")}");
        }

        return CliApp.Success;
    }
}
