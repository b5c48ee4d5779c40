using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Drift;

namespace ReturnMonitor.Tests.Data;

/// <summary>
/// The real order file of data/online-retail (a sample of UCI Online Retail, CC BY 4.0): the file agrees with its
/// SOURCE.md (columns, rows, return rate per month, SHA-256), schema inference reads it as a person would (invoice
/// number and customer an id, description free text, month-first dates the timestamp, <c>returned</c> the target), and
/// the drift tests equal scipy's on it month against month (tests/reference/online-retail/drift_by_month.json).
/// The rows are not committed (SOURCE.md says where they are kept); the tests that need them are skipped without them.
/// </summary>
public sealed class OnlineRetailSampleTests
{
    private const string FileName = "online_retail_sample.csv";
    private const string Variable = "RETURNMONITOR_ONLINE_RETAIL";

    private static readonly string Folder = Path.Combine(TestPaths.Repository, "data", "online-retail");
    private static readonly string ReferencePath = Path.Combine(TestPaths.Repository, "tests", "reference", "online-retail", "drift_by_month.json");
    private static readonly string? Sample = FindSample();
    private static readonly Lazy<IReadOnlyList<string[]>> Rows = new(() => File.ReadLines(Sample!).Select(Split).ToArray());
    private static readonly Lazy<SchemaInferenceResult> Inferred = new(() => SchemaInference.Infer(Sample!));

    [Fact]
    public void Source_md_its_month_table_and_the_reference_values_agree_with_each_other()
    {
        var source = SourceFacts.Read(Path.Combine(Folder, "SOURCE.md"));

        Assert.Equal(13, source.Months.Count);
        var total = source.Months["all"];
        var months = source.Months.Where(m => m.Key != "all").Select(m => m.Value).ToArray();
        Assert.Equal(total.Lines, months.Sum(m => m.Lines));
        Assert.Equal(total.Returned, months.Sum(m => m.Returned));
        Assert.Equal(total.Invoices, months.Sum(m => m.Invoices));
        Assert.All(source.Months.Values, m => Assert.Equal(Math.Round(100.0 * m.Returned / m.Lines, 2), m.RatePercent));
        Assert.True(source.Bytes < 3_000_000, $"the sample should stay under 3 MB, SOURCE.md says {source.Bytes} bytes");

        using var reference = JsonDocument.Parse(File.ReadAllText(ReferencePath));
        Assert.Equal(source.Sha256, reference.RootElement.GetProperty("input_sha256").GetString());
    }

    [SampleFact]
    public void The_file_is_the_one_SOURCE_md_describes()
    {
        var source = SourceFacts.Read(Path.Combine(Folder, "SOURCE.md"));
        var rows = Rows.Value;

        Assert.Equal(source.Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(source.Columns.Count, r.Length));
        Assert.Equal(source.Months["all"].Lines, rows.Count - 1);

        var date = rows[0].IndexOf("InvoiceDate");
        var returned = rows[0].IndexOf("returned");
        var invoice = rows[0].IndexOf("InvoiceNo");
        var byMonth = rows.Skip(1).GroupBy(r => Month(r[date]));
        foreach (var month in byMonth)
        {
            var expected = source.Months[month.Key];
            Assert.Equal((month.Key, expected.Lines), (month.Key, month.Count()));
            Assert.Equal((month.Key, expected.Returned), (month.Key, month.Count(r => r[returned] == "1")));
            Assert.Equal((month.Key, expected.Invoices), (month.Key, month.Select(r => r[invoice]).Distinct().Count()));
        }

        Assert.Equal(source.Months.Count - 1, byMonth.Count());
        Assert.All(rows.Skip(1), r => Assert.Contains(r[returned], new[] { "0", "1" }));

        // Last, so that a changed file is first reported by what changed in it.
        Assert.Equal(source.Bytes, new FileInfo(Sample!).Length);
        Assert.Equal(source.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Sample!))));
    }

    [SampleFact]
    public void Inference_ignores_the_invoice_number_and_the_customer_as_ids()
    {
        var schema = Inferred.Value.Schema;

        Assert.Equal(ColumnRole.Id, schema.Find("InvoiceNo")!.Role);
        Assert.Equal(ColumnRole.Id, schema.Find("CustomerID")!.Role);
        Assert.Equal(19_558, Inferred.Value.Rows);
    }

    [SampleFact]
    public void Inference_ignores_the_description_as_free_text()
    {
        var description = Inferred.Value.Schema.Find("Description")!;

        Assert.Equal(ColumnRole.Ignored, description.Role);
        Assert.StartsWith("free text", description.Reason, StringComparison.Ordinal);
    }

    [SampleFact]
    public void Inference_takes_the_month_first_invoice_date_as_the_timestamp()
    {
        var date = Inferred.Value.Schema.Find("InvoiceDate")!;

        Assert.Equal(ColumnRole.Timestamp, date.Role);
        Assert.Equal(TimestampFormat.MonthFirst, date.Format);
        Assert.Same(date, Inferred.Value.Schema.Timestamp);
    }

    [SampleFact]
    public void Inference_takes_returned_as_the_target_with_1_meaning_returned()
    {
        var target = Inferred.Value.Schema.Target!;

        Assert.Equal("returned", target.Name);
        Assert.Equal("1", target.Positive);
    }

    [SampleFact]
    public void Inference_makes_the_quantities_numeric_and_stock_code_and_country_categorical()
    {
        var schema = Inferred.Value.Schema;

        Assert.Equal(["Quantity", "UnitPrice", "line_amount", "invoice_lines", "previous_orders", "previous_returns"],
            schema.NumericFeatures.Select(c => c.Name));
        Assert.Equal(["StockCode", "Country"], schema.CategoricalFeatures.Select(c => c.Name));
        Assert.Null(schema.Find("Country")!.MaxCategories);
        Assert.Equal(50, schema.Find("StockCode")!.Categories!.Count);
    }

    [SampleFact]
    public void Kolmogorov_Smirnov_per_numeric_column_equals_scipy_month_against_month()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferencePath));
        foreach (var comparison in reference.RootElement.GetProperty("comparisons").EnumerateArray())
        {
            var (before, after) = (comparison.GetProperty("reference").GetString()!, comparison.GetProperty("current").GetString()!);
            foreach (var column in comparison.GetProperty("numeric").EnumerateObject())
            {
                var ks = KolmogorovSmirnovTest.TwoSample(Numbers(column.Name, before), Numbers(column.Name, after));
                var what = $"{column.Name} {before} vs {after}";
                Close.Statistic(column.Value.GetProperty("statistic").GetDouble(), ks.Statistic, what + " D");
                Close.Probability(column.Value.GetProperty("pvalue").GetDouble(), ks.PValue, what + " p");
                Assert.Equal(column.Value.GetProperty("method").GetString() == "exact", ks.Exact);
            }
        }
    }

    [SampleFact]
    public void Chi_square_per_categorical_column_equals_scipy_with_and_without_the_other_bucket()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(ReferencePath));
        var kept = reference.RootElement.GetProperty("bucketing").GetProperty("kept");
        foreach (var comparison in reference.RootElement.GetProperty("comparisons").EnumerateArray())
        {
            var (before, after) = (comparison.GetProperty("reference").GetString()!, comparison.GetProperty("current").GetString()!);
            foreach (var column in comparison.GetProperty("categorical").EnumerateObject())
            {
                var keep = kept.GetProperty(column.Name) is { ValueKind: JsonValueKind.Array } list
                    ? list.EnumerateArray().Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : null;
                foreach (var (bucketing, categories) in new[] { ("values", (HashSet<string>?)null), ("schema", keep) })
                {
                    var chi = ChiSquareTest.Homogeneity(Categories(column.Name, before, categories), Categories(column.Name, after, categories));
                    var expected = column.Value.GetProperty(bucketing);
                    var what = $"{column.Name} ({bucketing}) {before} vs {after}";
                    Assert.Equal(expected.GetProperty("dof").GetInt32(), chi.DegreesOfFreedom);
                    Assert.True(Math.Abs(expected.GetProperty("statistic").GetDouble() - chi.Statistic) <= 1e-9 * Math.Max(1, chi.Statistic), what + " statistic");
                    Close.Probability(expected.GetProperty("pvalue").GetDouble(), chi.PValue, what + " p");
                }
            }
        }
    }

    private static double[] Numbers(string column, string month) =>
        InMonth(month).Select(r => double.Parse(r[Rows.Value[0].IndexOf(column)], CultureInfo.InvariantCulture)).ToArray();

    private static CategoryCounts Categories(string column, string month, HashSet<string>? keep) =>
        CategoryCounts.FromValues(InMonth(month).Select(r => r[Rows.Value[0].IndexOf(column)])
            .Select(v => keep is null || keep.Contains(v) ? v : DatasetSchema.OtherCategory));

    private static IEnumerable<string[]> InMonth(string month)
    {
        var date = Rows.Value[0].IndexOf("InvoiceDate");
        return Rows.Value.Skip(1).Where(r => Month(r[date]) == month);
    }

    // "12/1/2010 8:26" → "2010-12".
    private static string Month(string date) =>
        DateTime.ParseExact(date, "M/d/yyyy H:mm", CultureInfo.InvariantCulture).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // One CSV line as pandas writes it: fields quoted only when needed, "" for a quote inside; no line breaks inside.
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields.ToArray();
    }

    // The file's place, in order: the variable, data/online-retail (ignored by git), shared/online-retail beside or
    // above the repository (where CI and the developers' machines keep shared data).
    private static string? FindSample()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : null;
        }

        var local = Path.Combine(Folder, FileName);
        if (File.Exists(local))
        {
            return local;
        }

        for (var directory = new DirectoryInfo(TestPaths.Repository); directory is not null; directory = directory.Parent)
        {
            var shared = Path.Combine(directory.FullName, "shared", "online-retail", FileName);
            if (File.Exists(shared))
            {
                return shared;
            }
        }

        return null;
    }

    /// <summary>A fact that needs the sample's rows: skipped, saying where it looked, when they are not here.</summary>
    private sealed class SampleFactAttribute : FactAttribute
    {
        public SampleFactAttribute()
        {
            if (Sample is null)
            {
                Skip = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
                    ? $"{Variable}={given}: no such file"
                    : $"{FileName} not found in data/online-retail/ nor in shared/online-retail/ beside or above the repository "
                      + $"(build it with data/online-retail/prepare.py, see SOURCE.md, or set {Variable})";
            }
        }
    }

    /// <summary>What SOURCE.md states about the file, parsed from its "The file" section.</summary>
    private sealed record SourceFacts(IReadOnlyList<string> Columns, long Bytes, string Sha256, IReadOnlyDictionary<string, MonthFacts> Months)
    {
        public static SourceFacts Read(string path)
        {
            var text = File.ReadAllText(path);
            var section = text[text.IndexOf("## The file", StringComparison.Ordinal)..];
            var columns = Regex.Match(section, "^Columns \\(in order\\): (.+)$", RegexOptions.Multiline).Groups[1].Value;
            var facts = Regex.Match(section, @"([\d,]+) bytes, SHA-256\s+`([0-9a-f]{64})`");
            var months = Regex.Matches(section, @"^\| (\d{4}-\d{2}|all) \| ([\d,]+) \| ([\d,]+) \| ([\d,]+) \| ([\d.]+)% \|", RegexOptions.Multiline)
                .ToDictionary(m => m.Groups[1].Value, m => new MonthFacts(Number(m.Groups[2].Value), Number(m.Groups[3].Value), Number(m.Groups[4].Value),
                    double.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)));
            Assert.True(facts.Success && months.Count > 0 && columns.Length > 0, $"{path}: the 'The file' section lost its columns, bytes/SHA-256 line or month table");
            return new SourceFacts(Regex.Matches(columns, "`([^`]+)`").Select(m => m.Groups[1].Value).ToArray(), Number(facts.Groups[1].Value),
                facts.Groups[2].Value, months);
        }

        private static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private sealed record MonthFacts(long Invoices, long Lines, long Returned, double RatePercent);
}
