using ActionBot.Core.Extraction.Fields;

namespace ActionBot.Core.Tests.Extraction.Fields;

public sealed class TitleSplitterTests
{
    [Theory]
    [InlineData("Alert on queue depth above 10k (owner: @bob, due 2025-03-07)", "Alert on queue depth above 10k", "(owner: @bob, due 2025-03-07)")]
    [InlineData("Add a runbook for cache failover — @alice, P1, due 2025-04-01", "Add a runbook for cache failover", "— @alice, P1, due 2025-04-01")]
    [InlineData("Rotate the deploy keys [P0]", "Rotate the deploy keys", "[P0]")]
    [InlineData("Page the database on-call on lag (@dana & @sam). Tune the threshold later.", "Page the database on-call on lag", "(@dana & @sam). Tune the threshold later.")]
    [InlineData("Review the retention policy - owner: Jane Doe; by March 3, 2025", "Review the retention policy", "- owner: Jane Doe; by March 3, 2025")]
    public void A_tail_of_field_notes_moves_from_the_title_to_the_details(string text, string title, string details)
    {
        Assert.Equal(new TitleSplit(title, details, Cut: false), TitleSplitter.Split(text, leadIn: null));
    }

    [Theory]
    [InlineData("Add retries to the exporter (see the runbook)")]
    [InlineData("Document the failover - by end of March")]
    [InlineData("Upgrade Postgres (P1 first, then the replicas)")]
    [InlineData("Investigate (@bob)")]
    public void A_tail_that_is_part_of_the_task_stays_in_the_title(string text)
    {
        Assert.Equal(new TitleSplit(text, null, Cut: false), TitleSplitter.Split(text, leadIn: null));
    }

    [Fact]
    public void The_title_and_the_details_still_hold_the_whole_text()
    {
        const string text = "Alert on replica lag (owner: @bob, due 2025-03-07). It paged nobody last time.";

        var (title, details, _) = TitleSplitter.Split(text, leadIn: null);

        Assert.Equal(text, $"{title} {details}");
    }

    [Fact]
    public void A_label_titles_the_entry_without_its_colon()
    {
        var split = TitleSplitter.Split("Improve caching configuration: Conduct regular audits of the cache settings.", "Improve caching configuration:");

        Assert.Equal(new TitleSplit("Improve caching configuration", "Conduct regular audits of the cache settings.", Cut: false), split);
    }

    [Fact]
    public void A_title_cut_at_the_length_limit_says_so()
    {
        var text = "Implement a rigorous pre-deployment testing process, including checking the performance of every change, to prevent regressions.";

        var split = TitleSplitter.Split(text, leadIn: null);

        Assert.True(split.Cut);
        Assert.True(split.Title.Length <= TitleSplitter.MaxTitleLength);
        Assert.Equal(text, $"{split.Title} {split.Details}");
    }
}
