using ActionBot.Cli.Formatters;
using static ActionBot.Tests.Cli.Formatters.Postmortems;

namespace ActionBot.Tests.Cli.Formatters;

public sealed class TableFormatterTests
{
    private const string LongTitle =
        "Require an explicit environment on every write command of the feature flag command line tool and its scripts";

    private static readonly ExtractedPostmortem Busy = One(
        "postmortems/2025/01/a-rather-long-folder-name/2025-01-17-checkout-errors-after-a-flag-push.md",
        "Checkout errors after a feature-flag push to the wrong environment on a Friday",
        new DateOnly(2025, 1, 17),
        Item(LongTitle, owners: ["tomasz-wojcik", "priya-raman", "dkoval"], due: new DateOnly(2025, 1, 31), priority: "P1"),
        Item("Add a synthetic checkout test", priority: "P2", done: true));

    [Fact]
    public void EveryLine_FitsIn80Columns()
    {
        var lines = Write(80, Busy);

        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length}: {line}"));
    }

    [Fact]
    public void LongTitle_WrapsBetweenWords_AndLosesNothing()
    {
        var lines = Write(80, Busy);
        var start = Array.FindIndex(lines, line => line.Contains("Require", StringComparison.Ordinal));
        var column = lines[start].IndexOf("Require", StringComparison.Ordinal);

        var continued = lines.Skip(start).TakeWhile((line, i) => i == 0 || line.StartsWith(new string(' ', column), StringComparison.Ordinal));
        var title = string.Join(" ", continued.Select(line => line[column..].Split("  ")[0].Trim()));

        Assert.Equal(LongTitle, title);
    }

    [Fact]
    public void Rows_ShowNumberStateOwnersDueAndPriority()
    {
        var lines = Write(160, Busy);

        Assert.Matches(@"^1  \[ \]  Require .*scripts\s+tomasz-wojcik \+2  2025-01-31  P1$", lines[2]);
        Assert.Matches(@"^2  \[x\]  Add a synthetic checkout test\s+-\s+-\s+P2$", lines[3]);
    }

    [Fact]
    public void TitleCutByTheExtractor_EndsInAnEllipsis()
    {
        var cut = Item("Implement a rigorous pre-deployment testing process, including checking the performance of every", "change.") with { TitleCut = true };

        var lines = Write(200, One("pm.md", null, null, cut, Item("Rotate the key")));

        Assert.Contains("of every…", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("…", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Header_NamesSourceTitleAndDate()
    {
        var header = Write(80, One("pm.md", "Cache stampede", new DateOnly(2024, 2, 14)))[0];

        Assert.Equal("pm.md — Cache stampede (2024-02-14)", header);
    }

    [Fact]
    public void LongSource_KeepsItsFileName()
    {
        var header = Write(80, Busy)[0];

        Assert.StartsWith("…", header, StringComparison.Ordinal);
        Assert.Contains("flag-push.md — Checkout errors", header, StringComparison.Ordinal);
        Assert.EndsWith("(2025-01-17)", header, StringComparison.Ordinal);
    }

    [Fact]
    public void WiderTerminal_ShowsTheTitleOnOneLine()
    {
        var narrow = Write(80, Busy);
        var wide = Write(160, Busy);

        Assert.True(wide.Length < narrow.Length, "a wider terminal needs fewer continuation lines");
        Assert.Contains(LongTitle, wide[2], StringComparison.Ordinal);
    }

    [Fact]
    public void PostmortemWithoutItems_SaysSo()
    {
        var lines = Write(80, One("pm.md", null, null));

        Assert.Equal(["pm.md", "  (no action items found)"], lines);
    }

    private static string[] Write(int width, params ExtractedPostmortem[] postmortems)
    {
        var output = new StringWriter { NewLine = "\n" };
        new TableFormatter(width).Write(postmortems, output);
        return output.ToString().TrimEnd('\n').Split('\n');
    }
}
