using System.Text;
using FsCheck.Xunit;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;
using static ReturnMonitor.Tests.Summaries.StreamingSupport;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>The streaming CSV summariser gives exactly the summary of the table reader, on any input it accepts.</summary>
public class StreamingCsvTests
{
    [Theory]
    [InlineData("train.csv")]
    [InlineData("batch_1_normal.csv")]
    [InlineData("batch_2_flash_sale.csv")]
    [InlineData("batch_3_supply_crisis.csv")]
    public void Demo_files_summarise_exactly_as_the_table_reader(string file)
    {
        var path = Path.Combine(TestPaths.Data, file);
        var expected = DatasetSummary.Of(OrderCsv.Read(path));

        AssertSame(expected, OrderFile.Summarize(path));
        // Tiny blocks: hundreds of blocks, parsed by several threads in any order.
        AssertSame(expected, OrderFile.Summarize(path, options: new SummarizeOptions { BlockSize = 1024, Workers = 3 }));
        AssertSame(expected, OrderFile.Summarize(path, options: new SummarizeOptions { BlockSize = 4096, Workers = 1 }));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Original_systems_files_summarise_exactly_as_the_table_reader()
    {
        foreach (var path in Directory.GetFiles(TestPaths.OriginalData, "*.csv"))
        {
            AssertSame(DatasetSummary.Of(OrderCsv.Read(path)), OrderFile.Summarize(path, options: new SummarizeOptions { BlockSize = 2048 }));
        }
    }

    [Fact]
    public void Bom_crlf_quotes_blank_lines_extra_columns_and_column_order_are_read_as_by_the_table_reader()
    {
        var csv = "\uFEFF\r\nnote,size_ordered,product_category,returned,days_since_purchase,previous_returns,discount_percentage,delivery_time_days,review_rating,customer_purchase_history,product_price\r\n" +
                  "\"a, quoted \"\"note\"\"\",M,\"Home_Decor\",1,3,0,10,2,4.5,7,19.99\r\n" +
                  "\r\n" +
                  "\"multi\nline\",NA,Beauty,0,5,1,0,3,5,1,8\r\n" +
                  "x, XL ,\" Sports \",1, 4 ,0,1e1,+2,5.0,007,8.50\n" +
                  "y,\"N\"\"A\",Électronique,0,4,0,0.5,2,3,1,1234567.125\n" +
                  "\n\r\n" +
                  "z,S,Clothing,1,4,0,0,2,3,1,0";
        Compare(csv);
    }

    [Fact]
    public void Unlabelled_and_header_only_files_match()
    {
        Compare(StreamingSupport.Header.Replace(",returned", "") + "\n129,0,3.2,6,31,10,1,Clothing,L\n");
        Compare(StreamingSupport.Header + "\n");
        Compare(StreamingSupport.Header);
    }

    /// <summary>Random tables written with random but valid CSV formatting, read with random block sizes and thread counts.</summary>
    [Trait(Traits.Category, Traits.Slow)]
    [Property(MaxTest = 60)]
    public void Any_valid_formatting_and_any_block_size_give_the_table_readers_summary(int seed)
    {
        var random = new Random(seed);
        var table = OrderGenerator.Generate(Scenario.All[random.Next(Scenario.All.Count)], random.Next(1, 400), (ulong)(uint)seed);
        var csv = Messy(table, random);
        var (expected, actual) = BothWays(csv, blockSize: random.Next(1024, 8192), workers: random.Next(1, 5));
        AssertSame(expected, actual);
    }

    [Theory]
    [InlineData("12,0,3.2,6,31,10,1,0,Clothing,L\n13,0,abc,6,31,10,1,0,Clothing,L\n", "t.csv:3: column 'review_rating': 'abc' is not a number")]
    [InlineData("12,0,3.2,6,31,10,1,0,Clothing,L\n13,0,7,6,31,10,1,0,Clothing,L\n", "t.csv:3: column 'review_rating': '7' must be between 1 and 5")]
    [InlineData("-1,0,3.2,6,31,10,1,0,Clothing,L\n", "t.csv:2: column 'product_price': '-1' must be at least 0")]
    [InlineData("12,,3.2,6,31,10,1,0,Clothing,L\n", "t.csv:2: column 'customer_purchase_history': empty value: a number is required")]
    [InlineData("12,0,3.2,6,31,10,1,0,Clothing\n", "t.csv:2: expected 10 fields as in the header, found 9")]
    [InlineData("12,0,3.2,6,31,10,1,0,Clothing,L,x\n", "t.csv:2: expected 10 fields as in the header, found 11")]
    [InlineData("12,0,3.2,6,31,10,1,2,Clothing,L\n", "t.csv:2: column 'returned': '2' is not 0 or 1")]
    [InlineData("12,0,3.2,6,31,10,1,0, ,L\n", "t.csv:2: column 'product_category': empty value: every order needs a category (use NA for \"no size\")")]
    [InlineData("12,0,NaN,6,31,10,1,0,Clothing,L\n", "t.csv:2: column 'review_rating': 'NaN' must be a finite number")]
    [InlineData("12,0,3,6,31,10,1,0,\"Clothing\"x,L\n", "t.csv:2: unexpected character 'x' after a closing quote")]
    [InlineData("12,0,3,6,31,10,1,0,\"Cloth\ning,L\n", "t.csv:2: a quoted field is not closed before the end of the file")]
    [InlineData("\n\n12,0,3,6,31,10,1,0,\"A\nB\",L\n13,0,0,6,31,10,1,0,C,L\n", "t.csv:6: column 'review_rating': '0' must be between 1 and 5")]
    public void Errors_name_the_same_file_line_and_column_as_the_table_reader(string body, string message)
    {
        var csv = StreamingSupport.Header + "\n" + body;
        Assert.Equal(message, ErrorOf(() => OrderCsv.Parse(csv, "t.csv")));
        Assert.Equal(message, ErrorOf(() => Stream(csv)));
        Assert.Equal(message, ErrorOf(() => Stream(csv, blockSize: 1024, workers: 3)));
    }

    [Theory]
    [InlineData("", "t.csv: the file is empty: expected a header line with the columns")]
    [InlineData("\n\n", "t.csv: the file is empty: expected a header line with the columns")]
    [InlineData("product_price,returned\n1,0\n", "t.csv:1: column 'customer_purchase_history': required column is missing from the header")]
    public void Header_errors_are_the_table_readers(string csv, string prefix)
    {
        Assert.StartsWith(prefix, ErrorOf(() => OrderCsv.Parse(csv, "t.csv")));
        Assert.Equal(ErrorOf(() => OrderCsv.Parse(csv, "t.csv")), ErrorOf(() => Stream(csv)));
    }

    [Fact]
    public void The_first_bad_line_is_reported_whichever_thread_finds_an_error_first()
    {
        var good = OrderGenerator.Generate(Scenario.Baseline, 3000, 1);
        var writer = new StringWriter { NewLine = "\n" };
        OrderCsv.Write(good, writer);
        var lines = writer.ToString().Split('\n').ToList();
        lines[2500] = lines[2500].Replace(",", ",x", StringComparison.Ordinal);
        lines[1200] = "5,0,9,1,0,0,1,0,Beauty,NA";
        var csv = string.Join('\n', lines);

        var expected = "t.csv:1201: column 'review_rating': '9' must be between 1 and 5";
        Assert.Equal(expected, ErrorOf(() => OrderCsv.Parse(csv, "t.csv")));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected, ErrorOf(() => Stream(csv, blockSize: 1024, workers: 4)));
        }
    }

    [Fact]
    public void Invalid_utf8_and_missing_files_are_one_line_errors()
    {
        var path = TempPath(".csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(StreamingSupport.Header + "\n12,0,3,6,31,10,1,0,"), 0xFF, .. "x,L\n"u8]);
        try
        {
            Assert.StartsWith("t.csv:2: not valid UTF-8 text", ErrorOf(() => OrderFile.Summarize(path, "t.csv")));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal("nope.csv: file not found", ErrorOf(() => OrderFile.Summarize(Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid()), "nope.csv")));
    }

    [Fact]
    public void Utf16_files_fall_back_to_the_table_reader()
    {
        var table = OrderGenerator.Generate(Scenario.FlashSale, 200, 3);
        var writer = new StringWriter { NewLine = "\n" };
        OrderCsv.Write(table, writer);
        var path = TempPath(".csv");
        File.WriteAllText(path, writer.ToString(), Encoding.Unicode);
        try
        {
            AssertSame(DatasetSummary.Of(OrderCsv.Read(path)), OrderFile.Summarize(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void Compare(string csv)
    {
        var (expected, actual) = BothWays(csv);
        AssertSame(expected, actual);
        (expected, actual) = BothWays(csv, blockSize: 1024, workers: 3);
        AssertSame(expected, actual);
    }

    // Valid CSV with random column order, extra columns, quoting, white space, CRLF, blank lines, number spellings.
    private static string Messy(OrderTable table, Random random)
    {
        var columns = OrderSchema.ColumnOrder.Append("note").OrderBy(_ => random.Next()).ToArray();
        var crlf = random.Next(2) == 0;
        var newline = crlf ? "\r\n" : "\n";
        var text = new StringBuilder();
        if (random.Next(3) == 0)
        {
            text.Append('\uFEFF');
        }

        text.Append(string.Join(',', columns.Select(c => random.Next(4) == 0 ? $"\"{c}\"" : c))).Append(newline);
        for (var row = 0; row < table.Count; row++)
        {
            if (random.Next(20) == 0)
            {
                text.Append(newline);
            }

            var cells = columns.Select(column => column switch
            {
                "note" => random.Next(5) switch
                {
                    0 => "\"with, comma\"",
                    1 => "\"with \"\"quotes\"\" and\nnewline\"",
                    2 => "",
                    _ => "plain",
                },
                OrderSchema.Target => table.Returned[row] ? "1" : (random.Next(10) == 0 ? "0.0" : "0"),
                _ when OrderSchema.Feature(column).Kind == FeatureKind.Numeric => Number(table.Numeric(column)[row], random),
                _ => random.Next(6) == 0 ? $"\"{table.Categorical(column)[row]}\"" : random.Next(10) == 0 ? $" {table.Categorical(column)[row]} " : table.Categorical(column)[row],
            });
            text.Append(string.Join(',', cells));
            if (row < table.Count - 1 || random.Next(2) == 0)
            {
                text.Append(newline);
            }
        }

        return text.ToString();
    }

    private static string Number(double value, Random random)
    {
        var plain = OrderCsv.FormatNumber(value);
        return random.Next(12) switch
        {
            0 => value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture),
            1 => " " + plain + " ",
            2 => "\"" + plain + "\"",
            3 => value.ToString("E3", System.Globalization.CultureInfo.InvariantCulture),
            4 => "00" + plain,
            _ => plain,
        };
    }
}
