using ReturnMonitor.Notebooks.Charts;

namespace ReturnMonitor.Tests.Architecture;

/// <summary>One Chromium locator: the chart renderer, the kernel command and the browser tests all use <see cref="ChromiumLocator"/>.</summary>
public sealed class ChromiumLocatorTests
{
    [Fact]
    public void No_source_file_but_the_locator_names_a_chromium_executable()
    {
        var root = TestPaths.Repository;
        var offenders = new[] { "lib", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj") && Path.GetFileName(f) is not ("ChromiumLocator.cs" or "ChromiumLocatorTests.cs"))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("\"chromium-browser\"", StringComparison.Ordinal) || text.Contains("/usr/bin/chromium", StringComparison.Ordinal) || text.Contains("\"RETURNMONITOR_CHROMIUM\"", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(root, f));

        Assert.Empty(offenders);
    }

    [Fact]
    public void A_configured_path_is_used_when_it_exists_and_named_when_it_does_not()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal(file, ChromiumLocator.Find(file));
        }
        finally
        {
            File.Delete(file);
        }

        var missing = Path.Combine(Path.GetTempPath(), "rm-no-such-chromium");
        var error = Assert.Throws<ChartRenderingException>(() => ChromiumLocator.Find(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
    }
}
