using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Data;

/// <summary>
/// Hostile input files stop quickly with one <see cref="DataFormatException"/> naming file, line and limit, in bounded
/// memory (<see cref="InputLimits"/>): a line without an end, a header too wide, <c>/dev/zero</c>, CR-only line ends, and
/// a directory where a file is expected. Inputs are generated; nothing large is committed.
/// </summary>
public sealed class InputLimitsTests : IDisposable
{
    private const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered";
    private const string Row = "79,6,3.8,3,45,0,23,0,Home_Decor,NA";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "rm-limits-" + Guid.NewGuid().ToString("N"));

    public InputLimitsTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, Action<Stream> content)
    {
        var path = Path.Combine(directory, name);
        using var stream = File.Create(path);
        content(stream);
        return path;
    }

    private static void Text(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Bytes(Stream stream, byte value, int count)
    {
        var chunk = new byte[1 << 16];
        Array.Fill(chunk, value);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            stream.Write(chunk, 0, Math.Min(left, chunk.Length));
        }
    }

    /// <summary>Every way an order file is read: whole, in chunks, summarised (one and several workers).</summary>
    private static IEnumerable<Func<string, object>> Readers()
    {
        yield return path => OrderFile.Read(path);
        yield return path => OrderCsv.ReadChunks(path, 100).ToList();
        yield return path => OrderFile.Summarize(path);
        yield return path => OrderFile.Summarize(path, options: new SummarizeOptions { Workers = 1, BlockSize = 1024 });
    }

    private static void AssertEveryReaderRefuses(string path, string expected)
    {
        foreach (var read in Readers())
        {
            var error = Assert.Throws<DataFormatException>(() => read(path));
            Assert.Equal(expected, error.Message);
        }
    }

    private static string TooLong(string path, int line) =>
        $"{path}:{line}: the line is longer than the limit of 1 MiB (1,048,576 bytes) (no line end found within it)";

    [Fact]
    public void A_record_without_a_line_end_stops_at_the_limit_naming_its_line()
    {
        var path = Write("long.csv", s =>
        {
            Text(s, $"{Header}\n{Row}\n{Row}\n");
            Bytes(s, (byte)'1', 3 * InputLimits.MaxLineBytes);
        });
        AssertEveryReaderRefuses(path, TooLong(path, 4));
    }

    [Fact]
    public void A_record_just_over_the_limit_is_refused_even_inside_a_larger_block_and_one_at_the_limit_is_read()
    {
        // Blocks of 4 MiB hold the whole long record: the tokenizer itself enforces the limit.
        var options = new SummarizeOptions { BlockSize = 4 << 20 };
        var over = Write("over.csv", s =>
        {
            Text(s, $"{Header}\n{Row}\n\"");
            Bytes(s, (byte)'x', InputLimits.MaxLineBytes);
            Text(s, "\",1,1,1,1,1,1,0,A,NA\n");
        });
        Assert.Equal(TooLong(over, 3), Assert.Throws<DataFormatException>(() => OrderFile.Summarize(over, options: options)).Message);

        // A long cell at exactly the limit is within it: the file reads on to the value error of that cell.
        var at = Write("at.csv", s =>
        {
            Text(s, $"{Header}\n{Row}\n");
            Bytes(s, (byte)'7', InputLimits.MaxLineBytes - Row.Length + 1);
            Text(s, Row[1..] + "\n");
        });
        var error = Assert.Throws<DataFormatException>(() => OrderFile.Summarize(at, options: options));
        Assert.Contains($"{at}:3: column 'product_price'", error.Message);
    }

    [Fact]
    public void A_header_without_a_line_end_stops_at_the_limit_on_line_one()
    {
        var path = Write("header.csv", s => Bytes(s, (byte)'c', 2 * InputLimits.MaxLineBytes));
        AssertEveryReaderRefuses(path, TooLong(path, 1));
    }

    [Fact]
    public void A_header_wider_than_the_limit_is_refused_before_its_names_are_decoded()
    {
        var path = Write("wide.csv", s => Text(s, string.Join(',', Enumerable.Range(0, 5000).Select(i => $"c{i}")) + "\n"));
        AssertEveryReaderRefuses(path, $"{path}:1: the header has 5,000 columns, more than the limit of 4,096");

        // At the limit the header is read (and fails only for the missing schema columns).
        var atLimit = Write("wide-ok.csv", s => Text(s, Header + "," + string.Join(',', Enumerable.Range(0, InputLimits.MaxHeaderColumns - 10).Select(i => $"c{i}")) + "\n" + Row + string.Concat(Enumerable.Repeat(",0", InputLimits.MaxHeaderColumns - 10)) + "\n"));
        Assert.Equal(1, OrderFile.Read(atLimit).Count);
    }

    [Fact]
    public async Task Dev_zero_stops_within_seconds_and_a_few_MiB()
    {
        foreach (var read in Readers().Take(3))
        {
            var work = Task.Run(() =>
            {
                // The header is read on the calling thread: what it allocates is the reader's memory.
                var before = GC.GetAllocatedBytesForCurrentThread();
                var error = Assert.Throws<DataFormatException>(() => read("/dev/zero"));
                return (error.Message, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
            });
            // WaitAsync throws TimeoutException when the read does not stop (before the limit it ran for about a minute).
            var (message, allocated) = await work.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(TooLong("/dev/zero", 1), message);
            Assert.True(allocated < 32 << 20, $"allocated {allocated:N0} bytes");
        }

        var whole = Assert.Throws<DataFormatException>(() => InputFiles.ReadAllBytes("/dev/zero"));
        Assert.Equal("/dev/zero: larger than the limit of 64 MiB (67,108,864 bytes) for a file read whole", whole.Message);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\r")]
    public void Cr_only_line_ends_are_refused_with_one_line_that_says_so(string lineEnd)
    {
        var path = Write("mac.csv", s => Text(s, string.Join(lineEnd, Header, Row, Row, Row) + lineEnd));
        AssertEveryReaderRefuses(path, $"{path}:1: the file uses CR-only line ends (classic Mac OS): save it with LF or CRLF line ends");
    }

    [Fact]
    public void Cr_only_line_ends_are_recognised_after_a_first_line_longer_than_the_first_block()
    {
        // 100 extra columns of 1 KiB names: the first CR lies past the table reader's 64 KiB first block.
        var wide = Header + string.Concat(Enumerable.Range(0, 100).Select(i => $",{new string('x', 1024)}{i}"));
        var path = Write("mac-wide.csv", s => Text(s, wide + "\r" + Row + "\r"));
        AssertEveryReaderRefuses(path, $"{path}:1: the file uses CR-only line ends (classic Mac OS): save it with LF or CRLF line ends");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Crlf_and_lf_files_and_a_cr_inside_a_quoted_header_field_are_still_read(string lineEnd)
    {
        var path = Write("ok.csv", s => Text(s, string.Join(lineEnd, Header + ",\"note\rx\"", Row + ",a", Row + ",b") + lineEnd));
        Assert.Equal(2, OrderFile.Read(path).Count);
        Assert.Equal(2, OrderFile.Summarize(path).Rows);
    }

    [Fact]
    public void A_directory_given_as_a_file_is_named_as_a_directory_by_every_reader()
    {
        var expected = $"{directory}: is a directory, expected a file";
        AssertEveryReaderRefuses(directory, expected);
        var parquet = Path.Combine(directory, "lake.parquet");
        Directory.CreateDirectory(parquet);
        Assert.Equal($"{parquet}: is a directory, expected a file", Assert.Throws<DataFormatException>(() => OrderFile.Read(parquet)).Message);
        Assert.Equal($"{parquet}: is a directory, expected a file", Assert.Throws<DataFormatException>(() => OrderFile.Summarize(parquet)).Message);
        Assert.Equal(expected, Assert.Throws<DataFormatException>(() => ValueCountsFile.Read([directory])).Message);
        Assert.Equal(expected, Assert.Throws<DataFormatException>(() => ReferenceProfile.Load(directory)).Message);
        Assert.Equal(expected, Assert.Throws<DataFormatException>(() => CostModel.Load(directory)).Message);
        Assert.Equal($"{directory}: is a directory, expected a file to write", Assert.Throws<DataFormatException>(() => InputFiles.RequireOutputFile(directory)).Message);
        var missing = Path.Combine(directory, "none.csv");
        Assert.Equal($"{missing}: file not found", Assert.Throws<DataFormatException>(() => OrderFile.Read(missing)).Message);
        Assert.Equal($"{missing}: cost file not found", Assert.Throws<DataFormatException>(() => CostModel.Load(missing)).Message);
    }
}
