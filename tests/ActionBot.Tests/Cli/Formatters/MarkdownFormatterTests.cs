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
    public void FieldNotes_AreWrittenOnce_WithNoDoubleDash()
    {
        var lines = Write(One("pm.md", null, null,
            Item("Add a runbook", "— @alice, by March 3, 2025", ["alice"], new DateOnly(2025, 3, 3)),
            Item("Document the replay", "(Due: Feb 28, 2025).", due: new DateOnly(2025, 2, 28)),
            Item("Replay tooling", "Build a replay tool — @dana-p, P1", ["dana-p"], priority: "P1")));

        Assert.Equal("- [ ] Add a runbook (owners: @alice, due: 2025-03-03)", lines[^3]);
        Assert.Equal("- [ ] Document the replay (due: 2025-02-28)", lines[^2]);
        Assert.Equal("- [ ] Replay tooling — Build a replay tool (owners: @dana-p, P1)", lines[^1]);
        Assert.All(lines, line => Assert.DoesNotContain("— —", line, StringComparison.Ordinal));
    }

    [Fact]
    public void OwnersThatCannotBeLogins_AreShownPlainly()
    {
        var lines = Write(One("pm.md", null, null, Item("Rotate the key", owners: ["evil\"onmouseover", "Core-1 team", "@sam"])));

        Assert.EndsWith("(owners: evil\"onmouseover, Core-1 team, @sam)", lines[^1], StringComparison.Ordinal);
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
