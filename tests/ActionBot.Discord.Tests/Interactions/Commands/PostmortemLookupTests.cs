using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;
using ActionBot.Discord.Interactions.Commands;
using ActionBot.Testing;

namespace ActionBot.Discord.Tests.Interactions.Commands;

public sealed class PostmortemLookupTests
{
    private static readonly FakeTimeProvider Time = new();

    private static TrackedPostmortem Postmortem(string path, int? pullRequest, string? title, int daysAgo) => new()
    {
        Repository = "acme/services",
        Path = path,
        IssueRepository = "acme/services",
        CommitSha = "sha-" + path,
        PullRequest = pullRequest,
        Title = title,
        MergedAt = FakeTimeProvider.DefaultStart.AddDays(-daysAgo),
    };

    private static async Task<(TempStore Store, PostmortemLookup Lookup)> LookupAsync()
    {
        var store = await TempStore.CreateAsync(Time);
        await store.Items.SavePostmortemAsync(Postmortem("postmortems/2025-01-10-cache.md", 90, "Cache stampede", 50), CancellationToken.None);
        await store.Items.SavePostmortemAsync(Postmortem("postmortems/2025-02-01-db.md", 101, "Database outage in eu-west", 30), CancellationToken.None);
        await store.Items.SavePostmortemAsync(Postmortem("incidents/2025-02-20-dns.md", 115, null, 10), CancellationToken.None);
        await store.Items.SavePostmortemAsync(Postmortem("postmortems/2025-02-25-db-again.md", null, "Database outage, again", 5), CancellationToken.None);
        return (store, new PostmortemLookup(store.Items, new DueDateRule(ReminderSettings.Default())));
    }

    [Theory]
    [InlineData(null, "postmortems/2025-02-25-db-again.md")]
    [InlineData("  ", "postmortems/2025-02-25-db-again.md")]
    [InlineData("101", "postmortems/2025-02-01-db.md")]
    [InlineData("#90", "postmortems/2025-01-10-cache.md")]
    [InlineData(" #115 ", "incidents/2025-02-20-dns.md")]
    [InlineData("postmortems/2025-02-01-db.md", "postmortems/2025-02-01-db.md")]
    [InlineData("POSTMORTEMS/2025-01-10-CACHE.MD", "postmortems/2025-01-10-cache.md")]
    [InlineData("2025-02-01-db.md", "postmortems/2025-02-01-db.md")]
    [InlineData("/2025-02-20-dns.md", "incidents/2025-02-20-dns.md")]
    [InlineData("cache stampede", "postmortems/2025-01-10-cache.md")]
    [InlineData("outage database", "postmortems/2025-02-25-db-again.md")]
    [InlineData("eu-west outage", "postmortems/2025-02-01-db.md")]
    [InlineData("dns", "incidents/2025-02-20-dns.md")]
    public async Task A_postmortem_is_found_by_pull_request_path_or_title_words_latest_first(string? source, string expectedPath)
    {
        var (store, lookup) = await LookupAsync();
        using var _ = store;

        var found = await lookup.FindPostmortemAsync(source, CancellationToken.None);

        Assert.Equal(expectedPath, found?.Path);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("#102")]
    [InlineData("stampede dns")]
    [InlineData("kubernetes outage")]
    public async Task A_source_that_names_no_postmortem_finds_none(string source)
    {
        var (store, lookup) = await LookupAsync();
        using var _ = store;

        Assert.Null(await lookup.FindPostmortemAsync(source, CancellationToken.None));
    }

    [Fact]
    public async Task With_no_postmortems_the_latest_is_none()
    {
        using var store = await TempStore.CreateAsync(Time);
        var lookup = new PostmortemLookup(store.Items, new DueDateRule(ReminderSettings.Default()));

        Assert.Null(await lookup.FindPostmortemAsync(null, CancellationToken.None));
    }

    [Theory]
    [InlineData("#12", "first")]
    [InlineData("12", "first")]
    [InlineData("acme/services#12", "first")]
    [InlineData("ACME/Services#12", "first")]
    [InlineData("acme/other#12", "third")]
    [InlineData("acme/nowhere#12", null)]
    [InlineData("#13", null)]
    [InlineData("second", "second")]
    public async Task An_item_is_found_by_its_issue_or_key(string reference, string? expectedKey)
    {
        var (store, lookup) = await LookupAsync();
        using var _ = store;
        await store.Items.UpsertItemsAsync(
            [Item("first", "acme/services"), Item("second", "acme/services"), Item("third", "acme/other")], CancellationToken.None);
        await store.Items.RecordIssueAsync("first", new IssueRef(12, "https://github.com/acme/services/issues/12"), CancellationToken.None);
        await store.Items.RecordIssueAsync("third", new IssueRef(12, "https://github.com/acme/other/issues/12"), CancellationToken.None);

        var found = await lookup.FindItemAsync(reference, CancellationToken.None);

        Assert.Equal(expectedKey, found?.Key);
    }

    private static TrackedItem Item(string key, string issueRepository) => new()
    {
        Key = key,
        Repository = "acme/services",
        Path = "postmortems/2025-02-01-db.md",
        IssueRepository = issueRepository,
        ItemId = "id-" + key,
        Title = "Title of " + key,
        Section = "Action items",
        CreatedAt = FakeTimeProvider.DefaultStart,
        UpdatedAt = FakeTimeProvider.DefaultStart,
    };
}
