using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Tests.Messages;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("@everyone look", "@\u200Beveryone look")]
    [InlineData("ping @here now", "ping @\u200Bhere now")]
    [InlineData("role <@&123456789012345678>", "role \\<@&123456789012345678\\>")]
    [InlineData("user <@123> and <#456>", "user \\<@123\\> and \\<\\#456\\>")]
    [InlineData("**bold** _it_ ~~x~~ `code` ||spoiler||", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~x\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|")]
    [InlineData("[click](https://evil.example)", "\\[click\\]\\(https://evil.example\\)")]
    [InlineData("# heading\n> quote", "\\# heading \\> quote")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("plain text, 100%", "plain text, 100%")]
    public void Untrusted_text_is_escaped_so_it_shows_as_typed_and_pings_nobody(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal("", DiscordMarkdown.Escape(null));
    }

    [Theory]
    [InlineData("@EVERYONE", "@\u200BEVERYONE")]
    [InlineData("@Here!", "@\u200BHere!")]
    [InlineData("mail me at ops@example.com", "mail me at ops@example.com")]
    [InlineData("line\r\nbreak\ttab", "line  break tab")]
    public void Mass_mentions_are_broken_in_any_case_and_line_breaks_fold_to_spaces(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Fact]
    public void A_link_target_cannot_close_the_link_early()
    {
        Assert.Equal("[x](<https://e.example/a%29b%3Ec>)", DiscordMarkdown.Link("x", "https://e.example/a)b>c"));
    }

    [Fact]
    public void An_excerpt_of_what_someone_typed_is_escaped_and_cut_without_splitting_a_character()
    {
        var typed = "**" + string.Concat(Enumerable.Repeat("\U0001F525", 200)); // 🔥: two UTF-16 units each

        var excerpt = DiscordMarkdown.Excerpt(typed, 41);

        Assert.InRange(excerpt.Length, 2, 41);
        Assert.StartsWith("\\*\\*", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(excerpt[^2]), "half of a surrogate pair was kept");
        Assert.Equal("short", DiscordMarkdown.Excerpt("short"));
        Assert.Equal("", DiscordMarkdown.Excerpt(null));
    }
}
