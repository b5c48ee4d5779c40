using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>Helpers for the streaming tests: temp files and exact comparisons of summaries.</summary>
internal static class StreamingSupport
{
    public const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered";

    private static readonly DatasetSummary Reference = DatasetSummary.Of(OrderCsv.Read(Path.Combine(TestPaths.Data, "train.csv"), "ref"));

    public static string TempFile(string content, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), "rm-stream-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public static string TempPath(string extension) => Path.Combine(Path.GetTempPath(), "rm-stream-" + Guid.NewGuid().ToString("N") + extension);

    /// <summary>The exact content of a summary: its profile JSON (every distinct value with its count, every category, rows, returns).</summary>
    public static string Exact(DatasetSummary summary) => new ReferenceProfile(summary.WithSource("x")).ToJson();

    /// <summary>The drift report JSON of a summary checked as the current batch against the demo training data.</summary>
    public static string ReportAsCurrent(DatasetSummary summary) => DriftJson.Serialize(DriftAnalysis.Compare(Reference, summary.WithSource("current")));

    /// <summary>The drift report JSON of a summary used as the reference for the demo flash-sale batch.</summary>
    public static string ReportAsReference(DatasetSummary summary) =>
        DriftJson.Serialize(DriftAnalysis.Compare(summary.WithSource("reference"), DatasetSummary.Of(OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"), "cur"))));

    /// <summary>
    /// Same exact summary (every value and count) and same drift report JSON; <paramref name="bothRoles"/> also checks the
    /// summaries in the reference role (equal summaries make equal reports, so this is a second check of the same fact).
    /// </summary>
    public static void AssertSame(DatasetSummary expected, DatasetSummary actual, bool bothRoles = true)
    {
        Assert.Equal(Exact(expected), Exact(actual));
        if (expected.Rows > 0)
        {
            Assert.Equal(ReportAsCurrent(expected), ReportAsCurrent(actual));
            if (bothRoles)
            {
                Assert.Equal(ReportAsReference(expected), ReportAsReference(actual));
            }
        }
    }

    /// <summary>Summarises CSV text through the streaming reader, with the given block size and worker count.</summary>
    public static DatasetSummary Stream(string csv, int blockSize = 1 << 20, int workers = 2, string name = "t.csv")
    {
        var path = TempFile(csv);
        try
        {
            return OrderFile.Summarize(path, name, new SummarizeOptions { BlockSize = blockSize, Workers = workers });
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes CSV text to a file and returns (table reader's summary of the file, streaming summary of the file).</summary>
    public static (DatasetSummary Expected, DatasetSummary Actual) BothWays(string csv, int blockSize = 1 << 20, int workers = 2)
    {
        var path = TempFile(csv);
        try
        {
            return (DatasetSummary.Of(OrderCsv.Read(path, "t.csv")),
                OrderFile.Summarize(path, "t.csv", new SummarizeOptions { BlockSize = blockSize, Workers = workers }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The message of the <see cref="DataFormatException"/> an action throws.</summary>
    public static string ErrorOf(Action action) => Assert.Throws<DataFormatException>(action).Message;
}
