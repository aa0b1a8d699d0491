using ActionBot.Cli.Formatters;
using static ActionBot.Tests.Cli.Formatters.Postmortems;

namespace ActionBot.Tests.Cli.Formatters;

public sealed class MarkdownFormatterTests
{
    [Fact]
    public void Items_BecomeOneChecklistLineEach()
    {
        var lines = Write(One("pm.md", "Cache stampede", new DateOnly(2024, 2, 14),
            Item("Add jitter to cache expiry", "so keys do not expire together", ["dana", "lee"], new DateOnly(2024, 3, 1), "P1"),
            Item("Write the runbook", done: true)));

        Assert.Equal(
            [
                "### Cache stampede",
                "",
                "Source: `pm.md` (2024-02-14)",
                "",
                "- [ ] Add jitter to cache expiry — so keys do not expire together (owners: @dana, @lee, due: 2024-03-01, P1)",
                "- [x] Write the runbook",
            ],
            lines);
    }

    [Fact]
    public void TitleCutAtPunctuation_RunsOnIntoItsDetails()
    {
        var lines = Write(One("pm.md", null, null, Item("Add a synthetic test per region,", "paging after two failures")));

        Assert.Equal("- [ ] Add a synthetic test per region, paging after two failures", lines[^1]);
    }

    [Fact]
    public void PostmortemWithoutTitle_IsHeadedBySource()
    {
        var lines = Write(One("postmortems/untitled.md", null, null, Item("Rotate the key")));

        Assert.Equal("### postmortems/untitled.md", lines[0]);
        Assert.Equal("- [ ] Rotate the key", lines[2]);
    }

    [Fact]
    public void OwnersThatAreNotLogins_AreNotMentioned()
    {
        var lines = Write(One("pm.md", null, null, Item("Rotate the key", owners: ["Dana Scully", "@lee", "platform-team"])));

        Assert.EndsWith("(owners: Dana Scully, @lee, @platform-team)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void PostmortemWithoutItems_SaysSo()
    {
        var lines = Write(One("pm.md", "Quiet one", null));

        Assert.Equal("_(no action items found)_", lines[^1]);
    }

    private static string[] Write(params ExtractedPostmortem[] postmortems)
    {
        var output = new StringWriter { NewLine = "\n" };
        new MarkdownFormatter().Write(postmortems, output);
        return output.ToString().TrimEnd('\n').Split('\n');
    }
}
