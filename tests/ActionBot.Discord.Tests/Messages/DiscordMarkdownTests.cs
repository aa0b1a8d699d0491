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
}
