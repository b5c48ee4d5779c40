using System.CommandLine;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>schema --data FILE [--target COL] [--positive VALUE] [--numeric a,b] [--categorical c,d] [--ignore e]
/// [--timestamp f] [--timestamp-format FMT] [--max-categories K] [--out schema.json] [--format text|json]</c>:
/// infers the schema of any CSV file and prints one line per column with the reason (or the schema JSON), so a person
/// can check every decision, edit the file, and hand it to the other commands.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "The CSV file to read (streamed whole, in bounded memory)", Required = true };
        var target = new Option<string?>("--target") { Description = "The target column (default: one named returned, is_returned, Return_Status, label or target)" };
        var positive = new Option<string?>("--positive") { Description = "The target value that means returned, for labels other than 0/1, true/false, yes/no" };
        var numeric = ListOption("--numeric", "Columns to take as numeric features (comma-separated)");
        var categorical = ListOption("--categorical", "Columns to take as categorical features (comma-separated)");
        var ignore = ListOption("--ignore", "Columns to ignore (comma-separated)");
        var timestamp = new Option<string?>("--timestamp") { Description = "The date column that orders the rows in time" };
        var timestampFormat = new Option<string?>("--timestamp-format") { Description = "How its dates are written where the file leaves it open: iso, M/d/yyyy or d/M/yyyy" };
        timestampFormat.AcceptOnlyFromAmong([.. TimestampFormat.Names]);
        var maxCategories = new Option<int>("--max-categories") { Description = "Most categories kept per text column; the rest count as (other)", DefaultValueFactory = _ => 50 };
        var outOption = new Option<string?>("--out") { Description = "Write the schema here (schema.json, meant to be edited)" };
        var format = new Option<string>("--format") { Description = "text (one line per column with the reason) or json (the schema file)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("schema", "Infer the columns of any order file (roles, reasons) and write an editable schema.json")
        {
            data, target, positive, numeric, categorical, ignore, timestamp, timestampFormat, maxCategories, outOption, format,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var max = parse.GetValue(maxCategories);
            if (max < 1)
            {
                throw new UsageException("--max-categories must be at least 1");
            }

            var options = new SchemaInferenceOptions
            {
                Target = parse.GetValue(target),
                Positive = parse.GetValue(positive),
                Numeric = Split(parse.GetValue(numeric)),
                Categorical = Split(parse.GetValue(categorical)),
                Ignore = Split(parse.GetValue(ignore)),
                Timestamp = parse.GetValue(timestamp),
                TimestampFormat = parse.GetValue(timestampFormat),
                MaxCategories = max,
            };
            if (options.TimestampFormat is not null && options.Timestamp is null)
            {
                throw new UsageException("--timestamp-format needs --timestamp COL");
            }

            var path = parse.GetValue(data)!;
            var result = SchemaInference.Infer(path, options);
            if (parse.GetValue(outOption) is { } outPath)
            {
                SchemaFile.Write(result.Schema, outPath);
                io.Progress($"wrote {outPath}");
            }

            if (parse.GetValue(format) == "json")
            {
                io.Out.Write(SchemaFile.ToJson(result.Schema));
            }
            else
            {
                io.Out.WriteLine($"{path}: {result.Rows} rows, {result.Schema.Columns.Count} columns");
                foreach (var line in result.Lines())
                {
                    io.Out.WriteLine(line);
                }
            }

            return CliApp.Success;
        }));
        return command;
    }

    private static Option<string[]> ListOption(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false };

    // "a,b" and repeated flags both work; names are kept exactly (a header may have spaces), only outer spaces trimmed.
    private static string[] Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}
