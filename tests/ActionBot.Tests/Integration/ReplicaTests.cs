using System.Globalization;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Core.Tracking;
using ActionBot.Discord.Outbox;
using ActionBot.Scheduling;
using ActionBot.Testing;
using ActionBot.Tests.Infrastructure;
using ActionBot.Tests.TestKit;
using Dapper;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ActionBot.Tests.Integration;

/// <summary>
/// Several replicas of the bot on one PostgreSQL database (and one Hangfire.PostgreSql job store), each with a clock of
/// its own a few seconds apart, all running the reminder sweep and the weekly digest at every step of a week, and all
/// sending to one fake Discord.
/// </summary>
public sealed class ReplicaTests : IntegrationTest, IClassFixture<PostgresServerFixture>
{
    private const int Hosts = 3;
    private const int Items = 1000;
    private const int Owners = 40;
    private const string Platform = "acme/platform";
    private const string PlatformChannel = "950000000000000002";

    // Wednesday 00:30 UTC to the next Wednesday: two digest weeks; steps at half past, clear of the 09:00 slots.
    private static readonly DateTimeOffset Start = new(2025, 3, 5, 0, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);
    private static readonly TimeSpan HostOffset = TimeSpan.FromSeconds(13);
    private static readonly int Steps = (int)(TimeSpan.FromDays(7) / Step);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly PostgresServerFixture _postgres;

    public ReplicaTests(PostgresServerFixture postgres)
    {
        _postgres = postgres;
        UsesDiscord = true;
        Clock = new FakeTimeProvider(Start);
    }

    [RequiresPostgresFact]
    public async Task Three_hosts_driven_through_a_week_with_1000_items_send_every_reminder_and_digest_exactly_once()
    {
        var connectionString = await _postgres.Server.CreateDatabaseAsync();
        GitHub.AddRepository(Platform);
        var clocks = Enumerable.Range(0, Hosts).Select(i => i == 0 ? Clock! : new FakeTimeProvider(Start + (HostOffset * i))).ToList();
        // Started at once: their migrators queue on one lock, which also installs Hangfire's schema once.
        var hosts = (await Task.WhenAll(clocks.Select(clock => StartBotAsync(settings: s => Configure(s, connectionString), clock: clock)))).ToList();
        Assert.All(hosts, h => Assert.IsType<PostgreSqlStorage>(h.JobStore));

        var items = await SeedAsync(hosts[0].Services.GetRequiredService<IActionItemStore>());

        var sweeps = new List<ReminderSweepReport?>();
        for (var step = 0; step < Steps; step++)
        {
            var sweeping = hosts.Select(h => Task.Run(() => h.Services.GetRequiredService<ReminderSweepJob>().RunAsync(None))).ToList();
            var digesting = hosts.Select(h => Task.Run(() => h.Services.GetRequiredService<WeeklyDigestJob>().RunAsync(None))).ToList();
            sweeps.AddRange(await Task.WhenAll(sweeping));
            await Task.WhenAll(digesting);
            await SendEverythingAsync(hosts);
            foreach (var clock in clocks)
            {
                clock.Advance(Step);
            }
        }

        Assert.DoesNotContain(null, sweeps);
        Assert.Contains(sweeps, s => s!.WasSkipped); // the replicas did meet at the lease
        var policy = hosts[0].Services.GetRequiredService<ReminderPolicy>();
        var expected = ExpectedSlots(policy, items);
        await using var database = new NpgsqlConnection(connectionString);

        // Every slot recorded once, and only the slots the policy gives.
        var logged = (await database.QueryAsync<(string Item, string Slot)>("SELECT item_key, slot FROM reminder_log WHERE kind = 'reminder'")).ToList();
        var expectedSlots = expected.SelectMany(e => e.Value.Select(s => (e.Key.Key, s.Key))).Order().ToList();
        Assert.True(expectedSlots.Count > 2 * Items, $"Only {expectedSlots.Count} slots fall in the week.");
        Assert.Equal(expectedSlots, logged.Order());

        // Every stored message went out, each page in one request: nothing that Discord's nonce check had to drop.
        var outbox = (await database.QueryAsync<(string Key, string Status)>("SELECT message_key, status FROM chat_outbox")).ToList();
        Assert.All(outbox, m => Assert.Equal("sent", m.Status));
        var messages = Discord!.Messages;
        Assert.Equal(messages.Count, Discord.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/messages", StringComparison.Ordinal)));
        Assert.Equal(messages.Count, messages.Select(m => (m.ChannelId, m.Nonce)).Distinct().Count());

        // Each item's reminders, as read at Discord: one line per slot, of the slot's kind.
        var reminderNonces = outbox.Where(m => m.Key.StartsWith("remind:", StringComparison.Ordinal))
            .SelectMany(m => Enumerable.Range(0, 10).Select(page => DiscordOutboxSender.Nonce(m.Key, page))).ToHashSet();
        var seen = messages.Where(m => reminderNonces.Contains(m.Nonce!))
            .SelectMany(m => m.Content.Split('\n'))
            .Where(line => line.StartsWith("• ", StringComparison.Ordinal))
            .Select(line => line[2..].Split(" — "))
            .GroupBy(parts => parts[0], parts => KindOf(parts[1]))
            .ToDictionary(g => g.Key, g => g.Order().ToList());
        Assert.Equal(expected.Count(e => e.Value.Count > 0), seen.Count);
        Assert.All(expected.Where(e => e.Value.Count > 0), e => Assert.Equal(e.Value.Select(s => s.Kind).Order(), seen[e.Key.Title]));

        // One digest per channel and week, sent once.
        var channels = hosts[0].Services.GetRequiredService<IChannelDirectory>().Channels.Select(c => c.ChannelId).ToList();
        var weeks = Enumerable.Range(0, Steps).Select(i => WeekOf(Start + (Step * i))).Distinct().ToList();
        var digestKeys = channels.SelectMany(c => weeks.Select(w => $"digest:{c}:{w:yyyy-MM-dd}")).Order().ToList();
        Assert.Equal((4, 2), (digestKeys.Count, weeks.Count));
        Assert.Equal(digestKeys, outbox.Where(m => m.Key.StartsWith("digest:", StringComparison.Ordinal)).Select(m => m.Key).Order());
        Assert.All(digestKeys, key => Assert.Single(messages, m => m.Nonce == DiscordOutboxSender.Nonce(key, 0)));
        Assert.All(hosts, h => Assert.Empty(h.Logs.Errors.Select(e => $"{e.Category}: {e.FullText}")));

        // One Hangfire schema, one of each recurring job, however many replicas registered them.
        Assert.Equal(1, await database.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'"));
        Assert.Equal(
            ["GitHubReconcileJob", "OutboxRetryJob", "ReminderSweepJob"],
            (await database.QueryAsync<string>("SELECT value FROM hangfire.set WHERE key = 'recurring-jobs' ORDER BY value")).ToList());
    }

    private static void Configure(Dictionary<string, string?> settings, string connectionString)
    {
        settings["ActionBot:Storage:Provider"] = "Postgres";
        settings["ActionBot:Storage:ConnectionString"] = connectionString;
        settings["ActionBot:GitHub:Repositories:1:Name"] = Platform;
        settings["ActionBot:GitHub:Repositories:1:DiscordChannelId"] = PlatformChannel;
        settings["ActionBot:GitHub:Repositories:1:PostmortemPaths:0"] = "postmortems/**/*.md";

        // The items' issues exist only in the database here: no comments on GitHub, no escalations.
        settings["ActionBot:Reminders:CommentWhenOverdue"] = "false";
        settings["ActionBot:Reminders:EscalateAfter"] = "0";
    }

    // Eight postmortems in two repositories (two channels); 1,000 items due over ten days, owned by forty people
    // (one in twenty without an owner: its postmortem's author is reminded), each with its issue already open.
    private static async Task<List<TrackedItem>> SeedAsync(IActionItemStore store)
    {
        var postmortems = Enumerable.Range(0, 8).Select(i =>
        {
            var repository = i % 2 == 0 ? ActionBotApplication.Repository : Platform;
            var path = $"postmortems/2025-02-{10 + i}-incident-{i}.md";
            return new TrackedPostmortem
            {
                Repository = repository,
                Path = path,
                IssueRepository = repository,
                CommitSha = new string((char)('a' + i), 40),
                PullRequest = 100 + i,
                Author = $"author{i}",
                Title = $"Incident {i}",
                MergedAt = Start.AddDays(-20),
            };
        }).ToList();
        foreach (var postmortem in postmortems)
        {
            await store.SavePostmortemAsync(postmortem, None);
        }

        var items = Enumerable.Range(0, Items).Select(i =>
        {
            var postmortem = postmortems[i % postmortems.Count];
            var id = string.Create(CultureInfo.InvariantCulture, $"item{i:0000}");
            return new TrackedItem
            {
                Key = IssueMarker.KeyFor(postmortem.Repository, postmortem.Path, id),
                Repository = postmortem.Repository,
                Path = postmortem.Path,
                IssueRepository = postmortem.IssueRepository,
                ItemId = id,
                Title = string.Create(CultureInfo.InvariantCulture, $"Task {i:0000} of incident {i % postmortems.Count}"),
                Section = "Action items",
                Owners = i % 20 == 19 ? [] : [string.Create(CultureInfo.InvariantCulture, $"owner{i % Owners}")],
                Due = new DateOnly(2025, 3, 3).AddDays(i % 10),
                Line = 10 + (i / postmortems.Count),
                IssueNumber = 1000 + i,
                IssueUrl = string.Create(CultureInfo.InvariantCulture, $"https://github.com/{postmortem.Repository}/issues/{1000 + i}"),
                CreatedAt = Start.AddDays(-20),
                UpdatedAt = Start.AddDays(-20),
            };
        }).ToList();
        await store.UpsertItemsAsync(items, None);
        return items;
    }

    // What the pure policy says each item gets over the week: the latest slot at each working step, each once.
    private static Dictionary<TrackedItem, List<ReminderSlot>> ExpectedSlots(ReminderPolicy policy, List<TrackedItem> items)
    {
        var times = Enumerable.Range(0, Steps).Select(i => Start + (Step * i)).Where(policy.Settings.WorkingTime.IsWorking).ToList();
        return items.ToDictionary(
            item => item,
            item => times.Select(t => policy.LatestSlot(item.Due!.Value, t)).OfType<ReminderSlot>().DistinctBy(s => s.Key).ToList());
    }

    /// <summary>Every host's sender sends what is due, then waits until no message is left pending anywhere.</summary>
    private static async Task SendEverythingAsync(List<ActionBotApplication> hosts)
    {
        using var limit = new CancellationTokenSource(ActionBotApplication.WaitLimit);
        await Task.WhenAll(hosts.Select(h => Task.Run(() => h.Services.GetRequiredService<DiscordOutboxSender>().SendDueAsync(limit.Token))));
        while (true)
        {
            var sent = Task.WhenAny(hosts.Select(h => h.ChatOutbox.NextSent));
            if (await hosts[0].ChatOutbox.CountPendingAsync(limit.Token) == 0)
            {
                return;
            }

            await sent.WaitAsync(limit.Token);
        }
    }

    private static ReminderKind KindOf(string when) =>
        when == "due today" ? ReminderKind.OnDue
        : when.StartsWith("overdue by", StringComparison.Ordinal) ? ReminderKind.Overdue
        : ReminderKind.BeforeDue;

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
