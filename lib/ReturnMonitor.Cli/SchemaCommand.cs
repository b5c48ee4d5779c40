using System.CommandLine;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>schema --data FILE [--target COL] [--positive VALUE] [--numeric a,b] [--categorical c,d] [--ignore e]
/// [--timestamp f] [--timestamp-format FMT] [--score-column COL] [--prediction-column COL] [--max-categories K]
/// [--out schema.json] [--format text|json]</c>:
/// infers the schema of any CSV file and prints one line per column with the reason (or the schema JSON), so a person
/// can check every decision, edit the file, and hand it to the other commands.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "The CSV file to read (streamed whole, in bounded memory)", Required = true };
        var reading = DataOptions.ForInference();
        var maxCategories = new Option<int>("--max-categories") { Description = "Most categories kept per text column; the rest count as (other)", DefaultValueFactory = _ => 50 };
        var outOption = new Option<string?>("--out") { Description = "Write the schema here (schema.json, meant to be edited)" };
        var format = new Option<string>("--format") { Description = "text (one line per column with the reason) or json (the schema file)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("schema", "Infer the columns of any order file (roles, reasons) and write an editable schema.json") { data };
        reading.AddTo(command);
        command.Options.Add(maxCategories);
        command.Options.Add(outOption);
        command.Options.Add(format);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var max = parse.GetValue(maxCategories);
            if (max < 1)
            {
                throw new UsageException("--max-categories must be at least 1");
            }

            var options = reading.Overrides(parse, max);
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
}
