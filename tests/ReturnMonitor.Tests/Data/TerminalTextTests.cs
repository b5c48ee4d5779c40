using System.Text.Json;
using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Data;

/// <summary>The one terminal escaper: control characters and bidirectional overrides become visible, inert text.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("Home_Decor", "Home_Decor")]
    [InlineData("\u001b]0;title\u0007", "\\u001B]0;title\\u0007")]
    [InlineData("a\u001b[2Jb", "a\\u001B[2Jb")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("line\nbreak\r", "line\\u000Abreak\\u000D")]
    [InlineData("del\u007f c1\u009b31m nel\u0085", "del\\u007F c1\\u009B31m nel\\u0085")]
    [InlineData("evil\u202efdp.exe", "evil\\u202Efdp.exe")]
    [InlineData("café ✓ 😀 ↑", "café ✓ 😀 ↑")]
    public void Escapes_every_control_character_and_keeps_printable_text(string text, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(text));

    [Fact]
    public void Keeps_line_feeds_only_when_asked_for_lines_built_by_us()
    {
        Assert.Equal("a\nb\\u000D\\u001B", TerminalText.Escape("a\nb\r\u001b", keepNewLines: true));
        Assert.Equal("a\\u000Ab", TerminalText.Escape("a\nb"));
    }

    [Fact]
    public void Every_character_a_terminal_acts_on_is_unsafe_and_no_printable_one_is()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var expected = c < 0x20 || c is >= 0x7F and <= 0x9F || c is >= 0x202A and <= 0x202E || c is >= 0x2066 and <= 0x2069;
            Assert.True(expected == TerminalText.IsUnsafe((char)c), $"U+{c:X4}");
        }
    }

    [Fact]
    public void Escaped_json_is_still_valid_json_with_the_same_values()
    {
        // JSON output passes through the terminal writer: the escape is a JSON escape with the same meaning.
        var value = "cat\u001b]0;x\u0007\u009b\u202e";
        var json = "{\"category\":\"" + value + "\"}";
        var escaped = TerminalText.Escape(json, keepNewLines: true);
        Assert.DoesNotContain(escaped, TerminalText.IsUnsafe);
        Assert.Equal(value, JsonDocument.Parse(escaped).RootElement.GetProperty("category").GetString());
    }

    [Fact]
    public void Data_format_errors_are_one_inert_line()
    {
        var error = new DataFormatException("in\u001b[2J.csv", 3, "col\nx", "'\u001b]0;t\u0007' is not a number");
        Assert.Equal("in\\u001B[2J.csv:3: column 'col\\u000Ax': '\\u001B]0;t\\u0007' is not a number", error.Message);
    }
}
