using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Data;

public class OrderCsvTests
{
    private const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered";

    [Fact]
    public void Reads_the_original_format_with_NA_as_a_size()
    {
        var table = OrderCsv.Parse(Header + "\n129,0,3.2,6,31,10,1,0,Clothing,L\n39.5,2,1.8,1,21,0,18,1,Beauty,NA\n");

        Assert.Equal(2, table.Count);
        Assert.Equal([129, 39.5], table.Numeric("product_price").ToArray());
        Assert.Equal(["L", "NA"], table.Categorical("size_ordered"));
        Assert.Equal([false, true], table.Returned.ToArray());
    }

    [Fact]
    public void Reads_the_original_systems_published_files_unchanged()
    {
        var table = OrderCsv.Read(Path.Combine(TestPaths.OriginalData, "batch_2_flash_sale.csv"));

        Assert.Equal(1000, table.Count);
        Assert.Contains("NA", table.Categorical("size_ordered"));
        Assert.Equal(0.354, table.ReturnRate, 3);
    }

    [Fact]
    public void Handles_bom_crlf_quotes_blank_lines_extra_columns_and_any_column_order()
    {
        var csv = "\uFEFFnote,size_ordered,product_category,returned,days_since_purchase,previous_returns,discount_percentage,delivery_time_days,review_rating,customer_purchase_history,product_price\r\n" +
                  "\"a, quoted \"\"note\"\"\",M,\"Home_Decor\",1,3,0,10,2,4.5,7,19.99\r\n" +
                  "\r\n" +
                  "\"multi\nline\",NA,Beauty,0,5,1,0,3,5,1,8\r\n";
        var table = OrderCsv.Parse(csv);

        Assert.Equal(2, table.Count);
        Assert.Equal([19.99, 8], table.Numeric("product_price").ToArray());
        Assert.Equal(["Home_Decor", "Beauty"], table.Categorical("product_category"));
        Assert.Equal([true, false], table.Returned.ToArray());
    }

    [Fact]
    public void Header_only_file_is_an_empty_table()
    {
        var table = OrderCsv.Parse(Header + "\n");
        Assert.Equal(0, table.Count);
        Assert.True(table.HasTarget);
    }

    [Fact]
    public void Unlabelled_file_has_no_target()
    {
        var table = OrderCsv.Parse(Header.Replace(",returned", "") + "\n129,0,3.2,6,31,10,1,Clothing,L\n");
        Assert.False(table.HasTarget);
        Assert.Throws<InvalidOperationException>(() => table.Returned.Length);
    }

    [Fact]
    public void A_category_never_seen_before_is_data_not_an_error()
    {
        var table = OrderCsv.Parse(Header + "\n129,0,3.2,6,31,10,1,0,Garden_Tools,XXXL\n");
        Assert.Equal("Garden_Tools", table.Categorical("product_category")[0]);
    }

    [Theory]
    [InlineData("abc,0,3.2,6,31,10,1,0,Clothing,L", "data.csv:2: column 'product_price': 'abc' is not a number")]
    [InlineData(",0,3.2,6,31,10,1,0,Clothing,L", "data.csv:2: column 'product_price': empty value: a number is required")]
    [InlineData("NaN,0,3.2,6,31,10,1,0,Clothing,L", "data.csv:2: column 'product_price': 'NaN' must be a finite number")]
    [InlineData("Infinity,0,3.2,6,31,10,1,0,Clothing,L", "data.csv:2: column 'product_price': 'Infinity' must be a finite number")]
    [InlineData("-5,0,3.2,6,31,10,1,0,Clothing,L", "data.csv:2: column 'product_price': '-5' must be at least 0")]
    [InlineData("10,0,5.5,6,31,10,1,0,Clothing,L", "data.csv:2: column 'review_rating': '5.5' must be between 1 and 5")]
    [InlineData("10,0,0.5,6,31,10,1,0,Clothing,L", "data.csv:2: column 'review_rating': '0.5' must be between 1 and 5")]
    [InlineData("10,0,3,6,31,10,1,2,Clothing,L", "data.csv:2: column 'returned': '2' is not 0 or 1")]
    [InlineData("10,0,3,6,31,10,1,yes,Clothing,L", "data.csv:2: column 'returned': 'yes' is not 0 or 1")]
    [InlineData("10,0,3,6,31,10,1,0,,L", "data.csv:2: column 'product_category': empty value: every order needs a category (use NA for \"no size\")")]
    [InlineData("10,0,3,6,31,10,1,0,Clothing", "data.csv:2: expected 10 fields as in the header, found 9")]
    [InlineData("10,0,3,6,31,10,1,0,\"Clothing,L", "data.csv:2: a quoted field is not closed before the end of the file")]
    public void Bad_cells_name_file_line_column_and_value(string row, string message)
    {
        var error = Assert.Throws<DataFormatException>(() => OrderCsv.Parse(Header + "\n" + row + "\n", "data.csv"));
        Assert.Equal(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_including_quoted_newlines_and_blank_lines()
    {
        var csv = Header + "\n10,0,3,6,31,10,1,0,\"Cloth\ning\",L\n\n10,0,3,6,31,10,1,0,Beauty,oops,extra\n";
        var error = Assert.Throws<DataFormatException>(() => OrderCsv.Parse(csv, "f.csv"));
        Assert.Equal(5, error.Line);
    }

    [Theory]
    [InlineData("", "f.csv: the file is empty: expected a header line with the columns product_price, customer_purchase_history, review_rating, delivery_time_days, discount_percentage, previous_returns, days_since_purchase, returned, product_category, size_ordered")]
    [InlineData("product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,returned,product_category,size_ordered\n", "f.csv:1: column 'days_since_purchase': required column is missing from the header")]
    [InlineData("product_price,Customer_Purchase_History,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,product_category,size_ordered\n", "f.csv:1: column 'customer_purchase_history': required column is missing from the header (found 'Customer_Purchase_History': column names are case-sensitive)")]
    [InlineData("product_price,product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,product_category,size_ordered\n", "f.csv:1: column 'product_price': appears twice in the header (fields 1 and 2)")]
    public void Bad_headers_and_empty_files_are_clear_errors(string csv, string message)
    {
        var error = Assert.Throws<DataFormatException>(() => OrderCsv.Parse(csv, "f.csv"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<DataFormatException>(() => OrderCsv.Read("no/such/file.csv"));
        Assert.Equal("no/such/file.csv: file not found", error.Message);
    }

    [Fact]
    public void Invalid_utf8_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rm-bad-utf8-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes(Header + "\n10,0,3,6,31,10,1,0,"), 0xC3, 0x28, .. System.Text.Encoding.ASCII.GetBytes(",L\n")]);
        try
        {
            // The line of the first bad byte, as the streaming summariser reports it (one UTF-8 check for both).
            var error = Assert.Throws<DataFormatException>(() => OrderCsv.Read(path, "bad.csv"));
            Assert.Equal("bad.csv:2: not valid UTF-8 text (byte 0xC3)", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_then_read_round_trips_every_value()
    {
        var table = OrderGenerator.Generate(Scenario.FlashSale, 300, seed: 7);
        var quoted = table.WithCategorical(OrderSchema.ProductCategory, table.Categorical(OrderSchema.ProductCategory).Select((c, i) => i == 0 ? "Odd, \"quoted\"\nname" : c).ToArray());
        var text = new StringWriter();
        OrderCsv.Write(quoted, text);

        var back = OrderCsv.Parse(text.ToString());

        Assert.Equal(quoted.Rows(), back.Rows());
    }

    [Fact]
    public void Chunked_reading_yields_the_same_rows_in_bounded_pieces()
    {
        var table = OrderGenerator.Generate(Scenario.Normal, 1001, seed: 3);
        var text = new StringWriter();
        OrderCsv.Write(table, text);

        var chunks = OrderCsv.ReadChunks(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.ToString())), 250, "t").ToList();

        Assert.Equal([250, 250, 250, 250, 1], chunks.Select(c => c.Count));
        Assert.Equal(table.Rows(), chunks.SelectMany(c => c.Rows()));
    }
}
