using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Tests.Dashboard;

/// <summary>
/// A team's quarter of postmortems in the store, as the bot would have tracked them: eight postmortems merged over
/// fourteen weeks, 96 items across ten owners (some unowned) and four priorities, a third closed at varied speeds, with
/// issues. Generated from a fixed seed around <c>now</c>, so the page shows the same mix on any day.
/// </summary>
internal static class TeamItems
{
    public const string Repository = "acme/platform";

    private static readonly string[] Incidents =
    [
        "Payments queue backed up for 3 hours", "DNS resolvers ran out of sockets", "Checkout errors after a flag push", "Search index served stale results",
        "Expired partner TLS certificate", "Session cache evicted every login", "Deploy pipeline shipped an unbuilt image", "Webhook retries flooded partners",
    ];

    private static readonly string[] Owners = ["amara-okafor", "dkoval", "hmercer", "jparedes", "lindqvist", "ngozi-a", "priya-raman", "sofia-lund", "tomasz-w", "yuki-t"];
    private static readonly string[] Verbs = ["Add an alert on", "Document the runbook for", "Automate the rollback of", "Load-test", "Add a dashboard for", "Cap the retries of", "Page on-call for", "Rotate the credentials of"];
    private static readonly string[] Things = ["the payments queue", "the DNS resolvers", "the checkout API", "the feature-flag store", "the search indexer", "the TLS certificates", "the archive job", "the session cache", "the deploy pipeline", "the partner webhooks", "the billing export", "the image CDN"];

    public static async Task<List<TrackedItem>> SeedAsync(IActionItemStore store, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var random = new Random(20250302);
        var items = new List<TrackedItem>();
        for (var p = 0; p < 8; p++)
        {
            var merged = now.AddDays(-(95 - (p * 12) - random.Next(0, 5)));
            var path = $"postmortems/incident-{p + 1:00}.md";
            await store.SavePostmortemAsync(
                new TrackedPostmortem
                {
                    Repository = Repository, Path = path, IssueRepository = Repository, CommitSha = "9f2c1e7", PullRequest = 200 + p,
                    Title = Incidents[p], MergedAt = merged,
                    FileUrl = $"https://github.com/{Repository}/blob/9f2c1e7/{path}", Date = DateOnly.FromDateTime(merged.UtcDateTime),
                },
                CancellationToken.None);
            for (var i = 0; i < 12; i++)
            {
                var number = items.Count + 1;
                var priority = random.Next(0, 10) switch { 0 => "P0", < 4 => "P1", < 8 => "P2", _ => "P3" };
                var closedAfter = random.Next(0, 3) == 0 ? random.Next(2, 45) : (int?)null;
                var closed = closedAfter is { } days && merged.AddDays(days) < now ? merged.AddDays(days).AddHours(random.Next(0, 20)) : (DateTimeOffset?)null;
                items.Add(new TrackedItem
                {
                    Key = $"{p:00}{i:00}team", Repository = Repository, Path = path, IssueRepository = Repository, ItemId = $"{p:00}{i:00}",
                    Title = $"{Verbs[random.Next(Verbs.Length)]} {Things[random.Next(Things.Length)]}", Section = "Action items",
                    Owners = random.Next(0, 9) == 0 ? [] : [Owners[random.Next(Owners.Length)]], Priority = priority,
                    Due = random.Next(0, 2) == 0 ? DateOnly.FromDateTime(merged.AddDays(random.Next(7, 60)).UtcDateTime) : null,
                    IssueNumber = 1000 + number, IssueUrl = $"https://github.com/{Repository}/issues/{1000 + number}",
                    State = closed is null ? ItemState.Open : ItemState.Closed, ClosedAt = closed,
                    CreatedAt = merged, UpdatedAt = closed ?? merged, Line = 20 + i,
                });
            }
        }

        await store.UpsertItemsAsync(items, CancellationToken.None);
        return items;
    }
}
