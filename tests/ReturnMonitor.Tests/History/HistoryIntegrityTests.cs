using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using static ReturnMonitor.Tests.History.HistoryFileTests;
using static ReturnMonitor.Tests.History.HistoryFixtures;

namespace ReturnMonitor.Tests.History;

/// <summary>A damaged history is refused on opening; another application's database is refused without a byte changed.</summary>
public sealed class HistoryIntegrityTests
{
    /// <summary>A real history with weeks 1–3, closed (its write-ahead log checkpointed into the file).</summary>
    private static string ThreeWeeks()
    {
        var path = TempFile();
        using (var store = HistoryStore.Open(path))
        {
            for (var w = 1; w <= 3; w++)
            {
                store.Record(Record($"2026-W{w:00}", Hash(w), seed: w));
            }
        }

        Assert.False(File.Exists(path + "-wal"), "the log should be checkpointed into the file on closing");
        return path;
    }

    /// <summary>Byte range of the page holding the (period, content_hash) index, the one the duplicate lookup uses.</summary>
    private static (long Offset, int Size) UniqueIndexPage(string path)
    {
        var root = Convert.ToInt64(RawScalar(path, "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_batches_1';"));
        var size = Convert.ToInt32(RawScalar(path, "PRAGMA page_size;"));
        return ((root - 1) * size, size);
    }

    private static object? Evidence(string path, string sql)
    {
        // Read through a copy: the evidence must not touch the file under test.
        var copy = path + ".evidence";
        File.Copy(path, copy, overwrite: true);
        return RawScalar(copy, sql);
    }

    private static long Count(string path, string sql) => Convert.ToInt64(Evidence(path, sql));

    [Fact]
    public void A_history_whose_index_no_longer_matches_its_rows_is_refused_instead_of_recording_a_period_twice()
    {
        var path = ThreeWeeks();
        var (offset, size) = UniqueIndexPage(path);
        var bytes = File.ReadAllBytes(path);
        // One character of week 1's content hash, inside the index entry only: the row is intact, its index entry now
        // names another hash. SQLite's quick_check passes such a file (it does not compare index entries with rows).
        var key = Encoding.ASCII.GetBytes(Hash(1));
        var at = bytes.AsSpan((int)offset, size).IndexOf(key);
        Assert.True(at >= 0, "the hash is in the index page");
        bytes[offset + at] = (byte)(bytes[offset + at] == (byte)'0' ? '1' : '0');
        File.WriteAllBytes(path, bytes);

        // The harm, shown on a copy: the lookup the recorder makes (through the index) no longer finds week 1, so it
        // would be inserted again, though the row is there.
        var lookup = $"SELECT count(*) FROM batches WHERE period = '2026-W01' AND content_hash = '{Hash(1)}'";
        Assert.Equal(0L, Count(path, lookup + ";"));
        Assert.Equal(1L, Count(path, lookup.Replace("FROM batches", "FROM batches NOT INDEXED", StringComparison.Ordinal) + ";"));
        Assert.Equal("ok", Evidence(path, "PRAGMA quick_check;"));

        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.StartsWith($"{path}: the history database is damaged (SQLite integrity check: ", error.Message);
        Assert.EndsWith("); restore it from a backup", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Throws<DataFormatException>(() => HistoryStore.OpenReadOnly(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(1L, Count(path, lookup.Replace("FROM batches", "FROM batches NOT INDEXED", StringComparison.Ordinal) + ";"));
    }

    [Fact]
    public void A_history_with_garbage_in_an_index_page_is_refused_on_opening()
    {
        var path = ThreeWeeks();
        var (offset, size) = UniqueIndexPage(path);
        var bytes = File.ReadAllBytes(path);
        // Keep the page header, overwrite the cells.
        bytes.AsSpan((int)offset + size / 2, size / 2).Fill(0x5A);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.Contains("damaged", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada');")]
    [InlineData("PRAGMA user_version = 5; CREATE TABLE t (a);")]
    [InlineData("PRAGMA application_id = 42;")]
    public void Another_applications_database_is_refused_before_a_byte_of_it_changes(string schema)
    {
        var path = TempFile("other.db");
        Raw(path, schema);
        var before = File.ReadAllBytes(path);
        var written = File.GetLastWriteTimeUtc(path);

        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.Contains("not a ReturnMonitor history", error.Message);
        Assert.Throws<DataFormatException>(() => HistoryStore.OpenReadOnly(path));

        // Not even the journal mode (bytes 18–19 of the header become 2 for write-ahead logging).
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void A_damaged_history_is_one_line_and_exit_code_1_for_the_history_command()
    {
        var path = ThreeWeeks();
        var (offset, size) = UniqueIndexPage(path);
        var bytes = File.ReadAllBytes(path);
        bytes.AsSpan((int)offset + size / 2, size / 2).Fill(0x5A);
        File.WriteAllBytes(path, bytes);

        var (code, stdout, stderr) = Cli.CliRunner.Run("history", "--history", path);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {path}: the history database is damaged", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
