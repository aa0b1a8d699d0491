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
}
