using System.CommandLine;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>profile (--data FILE|GLOB [--engine builtin|duckdb] | --counts FILE…) --out PROFILE [--source NAME]</c>: summarises
/// the reference data into the exact profile JSON once, so that every later <c>drift --reference PROFILE</c> skips
/// re-reading it. Three ways in, one profile: our reader (one CSV or Parquet file, streamed on all cores), DuckDB
/// embedded (many files), or value counts computed by any SQL engine with the shipped <c>value_counts.sql</c>.
/// </summary>
internal static class ProfileCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string?>("--data") { Description = "Reference data: CSV, or Parquet (.parquet); with --engine duckdb also a quoted glob of files" };
        var counts = new Option<string[]>("--counts")
        {
            Description = "Value-count files (feature,value,count; CSV or .parquet) as produced by value_counts.sql in any engine; all are added up",
            AllowMultipleArgumentsPerToken = true,
        };
        var engine = DataEngine.CreateOption();
        var outOption = new Option<string?>("--out") { Description = "Profile JSON file to write (required unless --emit-sql)" };
        var sourceOption = new Option<string?>("--source") { Description = "Name recorded as the profile's source (default: the --data or --counts arguments)" };
        var exactLimit = DataEngine.CreateExactLimitOption();
        var allowRemote = new Option<bool>("--allow-remote") { Description = "With --engine duckdb: allow remote --data (https://, s3://, …); needs DuckDB's httpfs extension installed beforehand" };
        var command = new Command("profile", "Summarise reference data once into an exact profile.json for 'drift --reference'")
        {
            data, counts, engine, outOption, sourceOption, allowRemote, exactLimit,
        };
        var reading = DataOptions.ForData(strict: true);
        reading.AddTo(command);
        var emitSql = EmitSqlOptions.AddTo(command);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var dataPath = parse.GetValue(data);
            var countFiles = parse.GetValue(counts) ?? [];
            if (emitSql.Requested(parse))
            {
                return emitSql.Run(parse, io, parse.GetValue(outOption), dataPath is not null || countFiles.Length > 0);
            }

            var target = parse.GetValue(outOption) ?? throw new UsageException("Option '--out' is required.");
            var source = parse.GetValue(sourceOption);
            var options = DataEngine.WithExactLimit(SummarizeOptions.Default, parse.GetValue(exactLimit));
            ReturnMonitor.Data.InputFiles.RequireOutputFile(target);
            if ((dataPath is null) == (countFiles.Length == 0))
            {
                throw new UsageException("give either --data or --counts");
            }

            ReferenceProfile profile;
            string from;
            if (dataPath is null)
            {
                if (parse.GetResult(engine) is { Implicit: false })
                {
                    throw new UsageException("--engine applies to --data, not to --counts");
                }

                if (reading.AnyGiven(parse))
                {
                    throw new UsageException("--schema and the column options apply to --data, not to --counts");
                }

                profile = new ReferenceProfile(ValueCountsFile.Read(countFiles, source));
                from = string.Join(", ", countFiles);
            }
            else
            {
                using var progress = ProgressDisplay.Start(io, quiet: false);
                var engineName = parse.GetValue(engine)!;
                if (engineName == DataEngine.DuckDb && !reading.AnyGiven(parse) && !File.Exists(dataPath))
                {
                    // DuckDB also takes globs and remote data: the demo's columns, counted by the shipped query (one
                    // file goes below: its schema is chosen, or inferred, as for the builtin engine).
                    profile = new ReferenceProfile(DataEngine.Summarize(engineName, dataPath, progress.Options with { ExactLimit = options.ExactLimit, MissingCells = reading.ReferenceCells(parse) }, source, parse.GetValue(allowRemote)));
                }
                else
                {
                    profile = DataEngine.LoadReference(engineName, dataPath, progress.Options with { ExactLimit = options.ExactLimit }, reading, parse, io);
                    profile = source is null ? profile : new ReferenceProfile(profile.Summary.WithSource(source), profile.Schema);
                }

                from = dataPath;
            }

            profile.Save(target);
            io.Out.WriteLine($"{target}: profile of {profile.Summary.Rows} orders from {from}");
            return CliApp.Success;
        }));
        return command;
    }
}
