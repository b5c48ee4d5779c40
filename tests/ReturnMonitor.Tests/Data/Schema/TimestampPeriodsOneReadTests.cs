using ReturnMonitor.Cli;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Data.Schema;

/// <summary>
/// Periods cut from dates read with the batch (<see cref="TimestampPeriods.FromValues"/>, one read of the file) equal
/// those <see cref="TimestampPeriods.Split"/> cuts by reading the date column again; and where the values cannot settle
/// it (a gap, a form not given and not clear) it declines, so the caller falls back to Split and its line-naming error.
/// </summary>
public sealed class TimestampPeriodsOneReadTests
{
    private static readonly string Current = Path.Combine(TestPaths.Data, "second-shop", "current.csv");

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    [InlineData("month")]
    [InlineData("quarter")]
    public void Periods_from_the_values_read_once_equal_the_second_read(string every)
    {
        var lines = File.ReadAllLines(Current);
        var column = Array.IndexOf(lines[0].Split(','), "InvoiceDate");
        var values = lines.Skip(1).Select(l => l.Split(',')[column]).ToArray();

        var once = TimestampPeriods.FromValues(values, every);
        var twice = TimestampPeriods.Split(Current, "InvoiceDate", every);

        Assert.NotNull(once);
        Assert.Equal(twice.Select(p => p.Period.Label), once.Select(p => p.Period.Label));
        Assert.Equal(twice.Select(p => p.Rows), once.Select(p => p.Rows));
        Assert.Equal(TimestampPeriods.FromValues(values, every, TimestampFormat.MonthFirst)!.Select(p => p.Rows), once.Select(p => p.Rows));
    }

    [Fact]
    public void Values_that_cannot_settle_the_periods_are_declined()
    {
        Assert.Null(TimestampPeriods.FromValues(["1/2/2024 8:00", "", "3/4/2024 9:00"], "month"));
        Assert.Null(TimestampPeriods.FromValues(["1/2/2024 8:00", "3/4/2024 9:00"], "month"));
        Assert.Null(TimestampPeriods.FromValues(["1/2/2024 8:00", "not a date"], "month", TimestampFormat.MonthFirst));
        // A day above 12 settles the form: day first.
        Assert.Equal(["2024-02", "2024-04"], TimestampPeriods.FromValues(["13/2/2024 8:00", "3/4/2024 9:00"], "month")!.Select(p => p.Period.Label));
    }

    [Fact]
    public void The_batch_read_with_its_dates_is_the_batch_read_alone()
    {
        var referencePath = Path.Combine(TestPaths.Data, "second-shop", "reference.csv");
        var schema = SchemaInference.Infer(referencePath, new SchemaInferenceOptions { Target = "Return_Status" }).Schema;
        var profile = new ReferenceProfile(DatasetSummary.Of(SchemaReader.Read(referencePath, schema, MissingCells.Allow)), schema);

        var (batch, periods) = DataEngine.ReadPeriods(Current, profile, "InvoiceDate", "month", null);
        var alone = DataEngine.ReadBatch(Current, profile);
        var split = TimestampPeriods.Split(Current, "InvoiceDate", "month");

        string Json(OrderTable table) => new ReferenceProfile(DatasetSummary.Of(table), schema).ToJson();
        Assert.Equal(alone.Features, batch.Features);
        Assert.Equal(Json(alone), Json(batch));
        Assert.Equal(split.Select(p => (p.Period.Label, p.Rows)), periods.Select(p => (p.Period.Label, p.Rows)));
        Assert.Equal(6, periods.Count);
    }
}
