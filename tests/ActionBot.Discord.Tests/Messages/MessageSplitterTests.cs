using System.Globalization;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Tests.Messages;

public sealed class MessageSplitterTests
{
    private static List<string> Lines(int count) =>
        [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"• Rotate the signing certificate of service number {i} before it expires — owner{i} — due 2025-04-{i % 28 + 1:00} — open — [#{i}](<https://github.com/acme/services/issues/{i}>)"))];

    [Fact]
    public void A_300_item_listing_splits_into_valid_messages_between_lines_with_and_n_more()
    {
        var lines = Lines(300);

        var messages = MessageSplitter.Split("**Action items**", lines, maxMessages: 5);

        Assert.Equal(5, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, MessageSplitter.MaxContentLength));
        var shown = messages.SelectMany(m => m.Split('\n')).Where(l => l.StartsWith('•')).ToList();
        Assert.Equal(lines.Take(shown.Count), shown);
        Assert.EndsWith($"… and {300 - shown.Count} more", messages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_page_limit_every_line_is_sent_once()
    {
        var lines = Lines(300);

        var messages = MessageSplitter.Split(null, lines, maxMessages: 100);

        Assert.All(messages, m => Assert.True(m.Length <= MessageSplitter.MaxContentLength));
        Assert.Equal(lines, messages.SelectMany(m => m.Split('\n')));
    }

    [Fact]
    public void A_line_longer_than_a_message_is_shortened_at_a_word_boundary()
    {
        var words = string.Join(' ', Enumerable.Repeat("overlong", 400));

        var message = Assert.Single(MessageSplitter.Split(null, [words]));

        Assert.True(message.Length <= MessageSplitter.MaxContentLength);
        Assert.EndsWith("overlong…", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_listing_is_one_message()
    {
        Assert.Equal(["head\n• a\n• b"], MessageSplitter.Split("head", ["• a", "• b"]));
    }

    [Fact]
    public void Lines_are_never_cut_mid_word_and_no_message_goes_over_the_limit()
    {
        var words = Enumerable.Range(1, 3000).Select(i => string.Create(CultureInfo.InvariantCulture, $"w{i}")).ToList();
        var line = string.Join(' ', words);

        var message = Assert.Single(MessageSplitter.Split("head", [line]));

        Assert.True(message.Length <= MessageSplitter.MaxContentLength);
        var kept = message["head\n".Length..^1].Split(' ');
        Assert.Equal(words.Take(kept.Length), kept);
    }

    [Fact]
    public void A_single_word_longer_than_a_message_is_cut_with_an_ellipsis()
    {
        var message = Assert.Single(MessageSplitter.Split(null, [new string('a', 5000)]));

        Assert.InRange(message.Length, MessageSplitter.MaxContentLength - 50, MessageSplitter.MaxContentLength);
        Assert.EndsWith("a…", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(98, "\\*", 98, "")]
    [InlineData(97, "\\\\", 97, "\\\\")]
    public void A_cut_never_leaves_a_backslash_escaping_the_ellipsis(int before, string escape, int kept, string keptEscape)
    {
        var text = new string('a', before) + escape + new string('b', 50);

        var shortened = MessageSplitter.Shorten(text, 100);

        Assert.Equal(new string('a', kept) + keptEscape + "…", shortened);
    }

    [Fact]
    public void With_one_page_allowed_the_rest_is_counted()
    {
        var lines = Lines(100);

        var message = Assert.Single(MessageSplitter.Split("head", lines, maxMessages: 1));

        var shown = message.Split('\n').Count(l => l.StartsWith('•'));
        Assert.True(message.Length <= MessageSplitter.MaxContentLength);
        Assert.EndsWith($"… and {100 - shown} more", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listing_that_exactly_fills_its_pages_has_no_and_n_more()
    {
        var lines = Lines(40);

        var messages = MessageSplitter.Split(null, lines, maxMessages: 10);

        Assert.DoesNotContain(messages, m => m.Contains("more", StringComparison.Ordinal));
        Assert.Equal(lines, messages.SelectMany(m => m.Split('\n')));
    }

    [Fact]
    public void No_lines_and_no_header_is_one_empty_message()
    {
        Assert.Equal([""], MessageSplitter.Split(null, []));
    }

    [Fact]
    public void Too_small_limits_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageSplitter.Split(null, ["a"], maxMessages: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageSplitter.Split(null, ["a"], limit: 99));
    }
}
