using ActionBot.Core.Observability;

namespace ActionBot.Core.Tests.Observability;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("72d3162e-cc78-11e3-81ab-4c9367dc0958")]
    [InlineData("acme/services")]
    [InlineData("postmortems/2025 März/ünïcode.md")]
    [InlineData("")]
    public void Ordinary_text_is_logged_as_it_is(string text)
    {
        Assert.Same(text, LogText.Sanitize(text));
        Assert.True(LogText.IsClean(text));
    }

    [Fact]
    public void Null_stays_null() => Assert.Null(LogText.Sanitize(null));

    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "\\u001B[31mred\\u001B[0m")]
    [InlineData("d-1\r\ninfo: forged line", "d-1\\u000D\\u000Ainfo: forged line")]
    [InlineData("a\u2028b\u2029c\u0085d", "a\\u2028b\\u2029c\\u0085d")]
    [InlineData("admin\u202Etxt.exe", "admin\\u202Etxt.exe")]
    [InlineData("zero\u200Bwidth\u0000nul\u007Fdel\tq", "zero\\u200Bwidth\\u0000nul\\u007Fdel\\u0009q")]
    public void Control_characters_and_invisible_marks_become_visible_escapes(string text, string logged)
    {
        Assert.Equal(logged, LogText.Sanitize(text));
        Assert.False(LogText.IsClean(text));
    }

    [Fact]
    public void Long_text_is_cut_with_a_note_of_what_was_left_out()
    {
        var text = new string('x', 5000);

        var logged = LogText.Sanitize(text)!;

        Assert.Equal(new string('x', LogText.MaxLength) + "…(+4800 chars)", logged);
        Assert.Equal("xxx…(+2 chars)", LogText.Sanitize("xxxxx", maxLength: 3));
    }

    [Fact]
    public void Escapes_never_bring_a_control_character_back()
    {
        var every = string.Concat(Enumerable.Range(0, 0x3000).Select(i => (char)i));

        var logged = LogText.Sanitize(every, maxLength: every.Length)!;

        Assert.DoesNotContain(logged, char.IsControl);
        Assert.True(LogText.IsClean(logged, maxLength: logged.Length));
    }
}
