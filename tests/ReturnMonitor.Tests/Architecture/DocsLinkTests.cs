namespace ReturnMonitor.Tests.Architecture;

/// <summary>Every relative link (and <c>#anchor</c>) in README.md and docs/*.md resolves.</summary>
public sealed class DocsLinkTests
{
    /// <summary>
    /// Pages other engineers are writing on their branches at the same time; the README and the index link them
    /// already. A link to one of them is accepted while the page is absent — once it exists, it is checked like any
    /// other (and this list should then be emptied).
    /// </summary>
    [Fact]
    public void Every_relative_link_in_the_readme_and_docs_resolves()
    {
        var root = TestPaths.Repository;
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);

        var broken = MarkdownLinks.Broken(files, path =>
            File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path)));

        Assert.True(files.Count > 10, "the docs folder should hold the reference pages");
        Assert.Empty(broken);
    }

    [Fact]
    public void The_check_reports_a_missing_file_a_missing_anchor_and_an_escape()
    {
        var files = new Dictionary<string, string>
        {
            ["README.md"] = """
                # Title
                See [the page](docs/page.md#second-part), [gone](docs/gone.md), [bad anchor](docs/page.md#nope),
                [up](../outside.md), [web](https://example.org/x.md) and [here](#title).
                ```bash
                echo [not a link](nowhere.md)
                ```
                `[code](nowhere.md)`
                """,
            ["docs/page.md"] = """
                # Page
                ## Second part
                Back to [the README](../README.md#title), to a [picture](pic.png) and to [itself](#page).
                """,
        };

        var broken = MarkdownLinks.Broken(files, path => path == "docs/pic.png");

        Assert.Equal(
            [
                "README.md: docs/gone.md (no such file)",
                "README.md: docs/page.md#nope (no heading gives #nope)",
                "README.md: ../outside.md (leaves the repository)",
            ],
            broken);
    }

    [Theory]
    [InlineData("Model-aware monitoring (`drift --model DIR`)", "model-aware-monitoring-drift---model-dir")]
    [InlineData("Evaluation: how good are the alarms?", "evaluation-how-good-are-the-alarms")]
    [InlineData("JSON output of `drift --format json`", "json-output-of-drift---format-json")]
    [InlineData("What changed from the original", "what-changed-from-the-original")]
    [InlineData("Money: what a batch costs", "money-what-a-batch-costs")]
    public void Anchors_follow_github_slugs(string heading, string slug)
    {
        Assert.Equal(slug, MarkdownLinks.Slug(heading));
    }

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor_and_code_blocks_give_none()
    {
        var anchors = MarkdownLinks.Anchors("# Data quality\n## Data quality\n```bash\n# not a heading\n```\n");

        Assert.Equal(["data-quality", "data-quality-1"], anchors.Order(StringComparer.Ordinal));
    }
}
