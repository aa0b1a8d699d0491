using ActionBot.Core.Coordination;
using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;

namespace ActionBot.Core.Tests.Tracking;

/// <summary>
/// Ingestion cut short at every boundary it crosses, one run per boundary, then run again as a restart would (the
/// maintenance pass, then the delivery again) on the same store, tracker and chat, which stand for what is durable:
/// every issue is opened once, every promise kept once (an announcement key sent twice is one message: the outbox keeps
/// the first), whichever step the crash followed. The boundaries are found by running once without a crash.
/// </summary>
public sealed class PostmortemIngestionCrashTests
{
    private const string Original = """
        # Disk full on the build cache

        ## Action items

        - [ ] Alert when the build cache volume passes 80% @mlopez
        - [ ] Expire cache entries older than 14 days by 2024-05-01
        - [ ] Page the build team when the cache volume is gone
        - [x] Move the cache to its own volume
        """;

    // The first item reworded, the second removed, one added, the third unchanged.
    private const string Edited = """
        # Disk full on the build cache

        ## Action items

        - [ ] Alert when the build cache volume passes 75% @mlopez
        - [ ] Page the build team when the cache volume is gone
        - [ ] Add a weekly report of the largest cache keys
        - [x] Move the cache to its own volume
        """;

    public static TheoryData<string, int> NewPostmortemBoundaries() => Boundaries(run => run.IngestAsync(Original, "c1"));

    public static TheoryData<string, int> EditBoundaries() => Boundaries(async run =>
    {
        await run.IngestAsync(Original, "c1");
        run.Crossings.Clear();
        await run.IngestAsync(Edited, "c2");
    });

    [Theory]
    [MemberData(nameof(NewPostmortemBoundaries))]
    public async Task A_new_postmortem_cut_short_at_any_boundary_opens_each_issue_once_and_is_announced_once(string point, int crossing)
    {
        var world = new World();
        await world.CrashingAt(point, crossing).IngestAsync(Original, "c1");

        await world.RestartAsync(Original, "c1");

        Assert.Equal(3, world.Tracker.Issues.Count);
        Assert.Equal(3, world.Tracker.Issues.Select(i => IssueMarker.Find(i.Draft.Body)).Distinct().Count());
        Assert.Equal(3, world.FirstAnnouncementOf("c1").Items.Count);
        Assert.Single(world.Chat.Announcements.Select(a => a.Key).Distinct());
        Assert.Empty(world.Store.Effects);
    }

    [Theory]
    [MemberData(nameof(EditBoundaries))]
    public async Task An_edit_cut_short_at_any_boundary_rewrites_comments_opens_and_announces_once(string point, int crossing)
    {
        var world = new World();
        await world.Run().IngestAsync(Original, "c1");
        await world.CrashingAt(point, crossing).IngestAsync(Edited, "c2");

        await world.RestartAsync(Edited, "c2");

        Assert.Equal(4, world.Tracker.Issues.Count);
        Assert.Contains("75%", world.Tracker.Issues[0].Draft.Title, StringComparison.Ordinal);
        var comment = Assert.Single(world.Tracker.Comments);
        Assert.Equal(2, comment.Number);
        Assert.Contains("no longer appears", comment.Body, StringComparison.Ordinal);
        Assert.Equal("Add a weekly report of the largest cache keys", Assert.Single(world.FirstAnnouncementOf("c2").Items).Title);
        Assert.Equal(2, world.Chat.Announcements.Select(a => a.Key).Distinct().Count());
        Assert.Empty(world.Store.Effects);
    }

    private static TheoryData<string, int> Boundaries(Func<Run, Task> scenario)
    {
        var run = new World().Run();
        scenario(run).GetAwaiter().GetResult();
        var data = new TheoryData<string, int>();
        foreach (var (point, crossing) in run.Crossings.Select((p, i) => (p, run.Crossings.Take(i + 1).Count(q => q == p))))
        {
            data.Add(point, crossing);
        }

        return data;
    }

    /// <summary>What survives a crash: the store, GitHub's issues and what was handed to the chat outbox.</summary>
    private sealed class World
    {
        public InMemoryStore Store { get; } = new();
        public InMemoryTracker Tracker { get; } = new();
        public RecordingChat Chat { get; } = new();

        public Run Run() => new(this, new CrashAt(null, 0));

        public Run CrashingAt(string point, int crossing) => new(this, new CrashAt(point, crossing));

        /// <summary>A new process: its first maintenance pass, then the delivery again.</summary>
        public async Task RestartAsync(string markdown, string commit)
        {
            var run = Run();
            await run.Ingestion.RecoverAsync(CancellationToken.None);
            await run.IngestAsync(markdown, commit);
        }

        /// <summary>The announcement of a commit as the outbox keeps it: the first enqueued under its key.</summary>
        public PostmortemAnnouncement FirstAnnouncementOf(string commit) =>
            Chat.Announcements.First(a => a.Key.EndsWith($":{commit}", StringComparison.Ordinal));
    }

    /// <summary>One process: ingestion on the world's durable state, with crash points that may end it.</summary>
    private sealed class Run(World world, CrashAt crash)
    {
        public List<string> Crossings => crash.Crossings;

        public PostmortemIngestion Ingestion { get; } = new(
            new ActionItemExtractor(),
            world.Store,
            world.Tracker,
            new IssueOpener(world.Store, world.Tracker, TimeProvider.System, crashPoints: crash),
            world.Chat,
            new InProcessJobLease(),
            TimeProvider.System,
            crash);

        /// <summary>Ingests; a crash ends the run there, as the process would end.</summary>
        public async Task IngestAsync(string markdown, string commit)
        {
            var postmortem = new TrackedPostmortem { Repository = "acme/ops", Path = "postmortems/cache.md", IssueRepository = "acme/ops", CommitSha = commit, MergedAt = DateTimeOffset.UnixEpoch };
            try
            {
                await Ingestion.IngestAsync(postmortem, markdown, channelId: null, CancellationToken.None);
            }
            catch (ProcessEnded)
            {
            }
        }
    }

    /// <summary>Records every boundary crossed, and ends the run at the chosen crossing of the chosen one.</summary>
    private sealed class CrashAt(string? point, int crossing) : ICrashPoints
    {
        public List<string> Crossings { get; } = [];

        public ValueTask ReachedAsync(string reached, CancellationToken cancellationToken)
        {
            Crossings.Add(reached);
            return reached == point && Crossings.Count(p => p == point) == crossing ? throw new ProcessEnded() : ValueTask.CompletedTask;
        }
    }

    private sealed class ProcessEnded : Exception;
}
