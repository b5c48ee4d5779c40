using System.Globalization;
using System.Text;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// Months and quarters are periods (<c>--period 2024-01</c>), and <c>monitor --timestamp COL --every month</c> cuts one
/// file into periods by its date column and records each, idempotently. Before: "period '2024-01' is neither an ISO
/// week nor a day", and one file was one period.
/// </summary>
public sealed class PeriodCliTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>
{
    /// <summary>The fixture's first weekly batch with a month-first date column over three months (UCI Online Retail's form).</summary>
    private string Dated(Func<int, string> date)
    {
        var lines = File.ReadAllLines(fixture.Batches[1]);
        var text = new StringBuilder(lines[0] + ",InvoiceDate\n");
        for (var i = 1; i < lines.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{lines[i]},{date(i - 1)}\n");
        }

        var path = Path.Combine(CliRunner.TempDirectory(), "dated.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void A_month_and_a_quarter_are_periods()
    {
        var history = fixture.History();
        var (code, stdout, stderr) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[1], "--period", "2026-02");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("2026-02 week02.csv: ", stdout);

        (code, stdout, stderr) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[2], "--period", "2026-Q2");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("2026-Q2 week03.csv: ", stdout);
    }

    [Fact]
    public void Every_month_cuts_the_file_records_each_period_once_and_in_time_order()
    {
        // 400 orders: rows 0–132 in October, 133–265 in November, 266–399 in December 2010 (day above 12 settles M/d/yyyy).
        var path = Dated(i => $"{10 + (i * 3 / 400)}/{1 + (i % 28)}/2010 {i % 24}:{i % 60:00}");
        var history = fixture.History();

        var (code, stdout, stderr) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", path, "--timestamp", "InvoiceDate", "--every", "month");

        Assert.True(code == 0, stderr);
        var heads = stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ')).ToArray();
        Assert.Equal(3, heads.Length);
        Assert.Equal(["2010-10", "2010-11", "2010-12"], heads.Select(h => h.Split(' ')[0]));
        Assert.All(heads, h => Assert.Contains("recorded (id", h));

        (code, stdout, _) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", history, "--current", path, "--timestamp", "InvoiceDate", "--every", "month");
        Assert.Equal(0, code);
        Assert.Equal(3, stdout.Split('\n').Count(l => l.Contains("already recorded", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--every", "month", "--every and --timestamp go together")]
    [InlineData("--period", "2026-13", "--period: period '2026-13': there is no month 13")]
    public void Wrong_combinations_are_one_line(string flag, string value, string expected)
    {
        var args = new List<string> { "monitor", "--model", fixture.Model, "--history", fixture.History(), "--current", fixture.Batches[1], flag, value };
        var (code, _, stderr) = CliRunner.Run([.. args]);
        Assert.Equal(1, code);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void A_row_whose_date_does_not_parse_is_named_not_dropped()
    {
        var path = Dated(i => i == 7 ? "soon" : $"2010-12-{1 + (i % 28):00}");

        var (code, _, stderr) = CliRunner.Run("monitor", "--model", fixture.Model, "--history", fixture.History(), "--current", path, "--timestamp", "InvoiceDate", "--every", "week");

        Assert.Equal(1, code);
        Assert.Contains("column 'InvoiceDate': --timestamp: 1 of 400 values are not dates of one form", stderr);
    }
}
