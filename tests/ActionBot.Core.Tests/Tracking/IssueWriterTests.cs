using ActionBot.Core.Extraction;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Tracking;

public sealed class IssueWriterTests
{
    private static readonly TrackedPostmortem Postmortem = new()
    {
        Repository = "acme/ops", Path = "postmortems/a.md", IssueRepository = "acme/ops", CommitSha = "abc",
        Title = "Pager storm @everyone", PullRequestUrl = "https://github.example/acme/ops/pull/7",
        FileUrl = "https://github.example/acme/ops/blob/abc/postmortems/a.md",
    };

    private static TrackedItem Item(string title, string? details = null, params string[] owners) => new()
    {
        Key = "k1", Repository = "acme/ops", Path = "postmortems/a.md", IssueRepository = "acme/ops", ItemId = "i1",
        Title = title, Details = details, Section = "Action items", Owners = owners, Priority = "P1", Kind = ActionItemKind.Preventative, Line = 12,
    };

    [Fact]
    public void Body_carries_the_marker_links_and_fields()
    {
        var draft = IssueWriter.Draft(Item("Add alerting:", "on lag", "mlopez"), Postmortem);

        Assert.Equal("k1", IssueMarker.Find(draft.Body));
        Assert.Contains("blob/abc/postmortems/a.md#L12", draft.Body, StringComparison.Ordinal);
        Assert.Contains("pull/7", draft.Body, StringComparison.Ordinal);
        Assert.Equal(["action-item", "postmortem", "preventative", "priority: P1"], draft.Labels);
        Assert.Equal(["mlopez"], draft.Assignees);
        Assert.Equal("Add alerting", draft.Title);
    }

    [Fact]
    public void Mentions_in_postmortem_text_ping_nobody()
    {
        var draft = IssueWriter.Draft(Item("Tell @everyone and @oncall-team", null, "Priya Raman"), Postmortem);

        Assert.DoesNotContain("@everyone", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@oncall-team", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@Priya", draft.Body, StringComparison.Ordinal);
        Assert.Empty(draft.Assignees);
    }

    [Fact]
    public void Owners_that_cannot_be_logins_are_named_but_never_assigned()
    {
        var draft = IssueWriter.Draft(Item("Rotate the keys", null, "dana-p", "evil\"onmouseover", "Core-1 team", "sam-"), Postmortem);

        Assert.Equal(["dana-p"], draft.Assignees);
        Assert.Contains("`evil\"onmouseover`", draft.Body, StringComparison.Ordinal);
        Assert.Contains("`Core-1 team`", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_titles_end_on_a_word_with_an_ellipsis()
    {
        var title = IssueWriter.Title(Item(string.Join(' ', Enumerable.Repeat("rotate", 40))));

        Assert.True(title.Length <= 120);
        Assert.EndsWith("rotate…", title, StringComparison.Ordinal);
    }
}
