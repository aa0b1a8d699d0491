using ActionBot.Cli;
using ActionBot.Core.Ports;
using ActionBot.GitHub.Api;
using ActionBot.Tests.Infrastructure;
using ActionBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;
using static ActionBot.Tests.Infrastructure.SamplePostmortems;

namespace ActionBot.Tests.Cli.Backfill;

/// <summary>
/// <c>backfill [--repo OWNER/NAME] [--apply]</c> (INTERFACES §1) run in-process on the database and configuration of
/// <c>serve</c>, against the fake GitHub: the default branch's tree, a dry run, an apply, an apply again, an apply
/// while <c>serve</c> ingests the same postmortem, and an apply after one stopped halfway.
/// </summary>
public sealed class BackfillCommandTests(ITestOutputHelper output) : IntegrationTest
{
    private const string DnsPath = "postmortems/2024/2024-11-05-dns.md";
    private const string BrokerPath = "postmortems/2025-01-20-broker.md";

    private const string Dns = """
        # DNS resolution failures in eu-west (November 5, 2024)

        Date: 2024-11-05

        ## Action items

        - [ ] Lower the TTL of internal service records to 60 seconds
        - [ ] Add a second resolver to every node pool
        - [x] Roll back the resolver configuration change

        """;

    private const string Broker = """
        ---
        title: Message broker disk full
        date: 2025-01-20
        ---

        # Message broker disk full

        ## Follow-ups

        - [ ] Alert at 70 percent broker disk usage

        """;

    /// <summary>The default branch: two postmortems nobody tracks yet, the cache one (merged by pull request, so <c>serve</c> knows it), and a file outside the postmortem paths.</summary>
    private string SeedDefaultBranch() => Repository.CommitToDefaultBranch(
        new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero),
        "octocat",
        (DnsPath, Dns),
        (BrokerPath, Broker),
        (CachePath, Cache),
        ("docs/postmortem-template.md", "# Template\n\n- [ ] An item that is not one\n"));

    [Fact]
    public async Task DryRun_ListsWhatEachPostmortemWouldOpen_AndWritesNothing()
    {
        await MergeCacheThroughServeAsync();
        SeedDefaultBranch();
        GitHub.ClearRequests();

        var run = await BackfillAsync();

        Print(run);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            [
                "acme/services postmortems/2024/2024-11-05-dns.md: DNS resolution failures in eu-west (November 5, 2024) (2024-11-05)",
                "  would open   Lower the TTL of internal service records to 60 seconds",
                "  would open   Add a second resolver to every node pool",
                "  done         Roll back the resolver configuration change",
                "  tracking     would open, 2 sub-issues",
                "acme/services postmortems/2025-01-20-broker.md: Message broker disk full (2025-01-20)",
                "  would open   Alert at 70 percent broker disk usage",
                "  tracking     would open, 1 sub-issue",
                "acme/services postmortems/2025-03-01-cache-stampede.md: Cache stampede after the Friday deploy (March 1, 2025) (2025-03-01)",
                "  has #43      Add request coalescing to the product cache",
                "  has #44      Alert when the cache hit ratio drops below 80 percent",
                "  has #45      Document the cache warm-up procedure in the runbook",
                "  done         Roll back the deploy that flushed the cache",
                "  tracking     has #46, 3 sub-issues",
                "3 postmortems read: would open 3 issues and 2 tracking issues (8 GitHub writes, about 0 s at GitHub's pace); 2 items done, 3 items with an issue already.",
                "Nothing was opened. Run it again with --apply to open them.",
            ],
            run.OutLines);
        Assert.StartsWith("Read 3 postmortems of acme/services on main at ", run.Error, StringComparison.Ordinal);

        // Reads only: the branch, one tree for the whole branch (not a request per folder), each file and its last commit.
        Assert.All(GitHub.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Single(GitHub.Requests, r => r.Path.Contains("/git/trees/", StringComparison.Ordinal));
        Assert.DoesNotContain(GitHub.Requests, r => r.Path.Contains("template", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_OpensEachIssueAndTrackingIssueOnce_AndApplyAgainOpensNothing()
    {
        await MergeCacheThroughServeAsync();
        var head = SeedDefaultBranch();
        GitHub.ClearRequests();

        var applied = await BackfillAsync("--apply");

        Print(applied);
        Assert.Equal(ExitCodes.Success, applied.ExitCode);
        Assert.Contains("  opened #47   Lower the TTL of internal service records to 60 seconds", applied.OutLines);
        Assert.Contains("  tracking     opened #49, 2 sub-issues", applied.OutLines);
        Assert.Contains("  tracking     has #46, 3 sub-issues", applied.OutLines);
        Assert.StartsWith("3 postmortems read: opened 3 issues and 2 tracking issues (8 GitHub writes in ", applied.OutLines[^1], StringComparison.Ordinal);
        Assert.Contains("[3/3] acme/services postmortems/2025-03-01-cache-stampede.md: postmortems 3/3, issues 3/3, about 0 s left at GitHub's pace", applied.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", applied.Error, StringComparison.Ordinal);
        AssertEachItemOnce();

        // A backfilled issue links the file at the commit read; there is no pull request.
        var dns = Assert.Single(Repository.ActionItemIssues, i => i.Title.StartsWith("Lower the TTL", StringComparison.Ordinal));
        Assert.Contains($"https://github.com/{ActionBotApplication.Repository}/blob/{head}/{DnsPath}", dns.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/pull/", dns.Body, StringComparison.Ordinal);

        GitHub.ClearRequests();
        var again = await BackfillAsync("--apply");

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal("3 postmortems read: nothing to open; 2 items done, 6 items with an issue already.", again.OutLines[^1]);
        Assert.All(GitHub.Requests, r => Assert.Equal("GET", r.Method));
        AssertEachItemOnce();
    }

    // serve and backfill are two processes on one SQLite file: the ingestion lease (a lock file beside the database)
    // makes them take turns, and each reads what the other recorded.
    [Fact]
    public async Task ApplyWhileServeIngestsTheSamePostmortem_OpensEachIssueOnce()
    {
        SeedDefaultBranch();
        var hold = new HeldRequest(request => request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/issues", StringComparison.Ordinal));
        var app = await StartBotAsync(services: services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(hold.CreateHandler));
        using var merged = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [CacheFile]));
        await hold.Reached.WaitAsync(ActionBotApplication.WaitLimit);

        // serve holds the lease, its first create on the way; the backfill reads, then waits for the lease to apply.
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backfill = BackfillAsync(services => services.Replace(ServiceDescriptor.Singleton<IJobLease>(sp => new AskedLease(sp.GetRequiredService<SqliteJobLease>(), asked))), CancellationToken.None, "--apply");
        await asked.Task.WaitAsync(ActionBotApplication.WaitLimit);
        hold.Release();
        await app.DrainAsync();
        var run = await backfill.WaitAsync(ActionBotApplication.WaitLimit);

        Print(run);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        AssertEachItemOnce();
        app.AssertLogsAreClean();
    }

    // A backfill stopped halfway (killed, or Ctrl+C) with an issue created whose answer it never heard.
    [Fact]
    public async Task ApplyAfterOneStoppedHalfway_PicksUpWhereItStopped_AndOpensNothingTwice()
    {
        SeedDefaultBranch();
        var kill = new ProcessKill(createsBeforeKill: 3);
        using var stop = new CancellationTokenSource();
        var first = BackfillAsync(services => services.AddHttpClient(GitHubServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(kill.CreateHandler), stop.Token, "--apply");
        await kill.Reached.WaitAsync(ActionBotApplication.WaitLimit);
        await stop.CancelAsync();
        var stopped = await first.WaitAsync(ActionBotApplication.WaitLimit);
        Assert.Equal(ExitCodes.RuntimeFailure, stopped.ExitCode);
        Assert.Contains("run it again to pick up where it stopped", stopped.Error, StringComparison.Ordinal);
        // The DNS postmortem done (two issues and its tracking issue); the broker's issue created, its answer never heard.
        Assert.Equal(3, Repository.ActionItemIssues.Count);
        Assert.Single(Repository.TrackingIssues);

        var second = await BackfillAsync("--apply");

        Print(second);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        AssertEachItemOnce();
    }

    /// <summary>
    /// The measure of a team's first backfill: 100 postmortems of three open items and one done each, against the fake
    /// with pacing off. Prints the GitHub calls by kind and the time the dry run's estimate gives at GitHub's pace
    /// (80 content-creating requests a minute, 500 an hour).
    /// </summary>
    [Fact]
    public async Task HundredPostmortems_CallsPerPostmortemStayWithinTwoNPlusFour_AndTheEstimateIsGitHubsPace()
    {
        var files = Enumerable.Range(1, 100).Select(i => (
            $"postmortems/2024/{i:000}-incident.md",
            (string?)$"# Incident {i} (2024)\n\nDate: 2024-06-01\n\n## Action items\n\n- [ ] Add an alert for failure mode {i}\n- [ ] Write the runbook of failure mode {i}\n- [ ] Load test the path of failure mode {i}\n- [x] Roll back change {i}\n")).ToArray();
        Repository.CommitToDefaultBranch(new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero), "octocat", files);

        var dryRun = await BackfillAsync();
        var readCalls = GitHub.Requests.Count;
        GitHub.ClearRequests();
        var started = TimeProvider.System.GetTimestamp();
        var applied = await BackfillAsync("--apply");
        var took = TimeProvider.System.GetElapsedTime(started);

        var calls = GitHub.Requests;
        var creates = calls.Count(r => r.Method == "POST" && r.Path.EndsWith("/issues", StringComparison.Ordinal));
        var attaches = calls.Count(r => r.Method == "POST" && r.Path.EndsWith("/sub_issues", StringComparison.Ordinal));
        var labels = calls.Count(r => r.Path.Contains("/labels", StringComparison.Ordinal));
        output.WriteLine(dryRun.OutLines[^2]);
        output.WriteLine(applied.OutLines[^1]);
        output.WriteLine($"dry run: {readCalls} calls (all reads); apply: {calls.Count} calls in {took.TotalSeconds:F1} s: {creates} creates, {attaches} attaches, {labels} label calls, {calls.Count(r => r.Method == "GET")} reads");
        Assert.Equal(ExitCodes.Success, applied.ExitCode);
        Assert.Contains("would open 300 issues and 100 tracking issues (700 GitHub writes, about 62 min at GitHub's pace)", dryRun.Out, StringComparison.Ordinal);
        Assert.Equal(400, creates);
        Assert.Equal(300, attaches);

        // Per postmortem of n = 3: its reads (the file, its last commit), its n + 1 creates and n attaches, within 2n + 4.
        Assert.InRange((calls.Count - labels) / 100.0, 2 * 3 + 1, 2 * 3 + 4);
        Assert.InRange(readCalls, 3 + (2 * 100), 4 + (2 * 100));
    }

    [Fact]
    public async Task AnUnreadablePostmortem_IsNamedOnStandardErrorWithExitCode2_AndTheOthersAreListed()
    {
        SeedDefaultBranch();
        Repository.CommitToDefaultBranch(DateTimeOffset.UnixEpoch, null, ("postmortems/2025-02-01-empty.md", ""));

        var run = await BackfillAsync();

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("actionbot: acme/services/postmortems/2025-02-01-empty.md: empty file; skipped.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("empty.md", run.Out, StringComparison.Ordinal);
        Assert.Contains("would open   Alert at 70 percent broker disk usage", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--repo", "acme/elsewhere")]
    [InlineData("--repo", "not-a-name")]
    [InlineData("--apply", "--bogus")]
    public async Task BadUsage_ExitsWith2AndAMessage_AndCallsNoGitHub(params string[] args)
    {
        var run = await BackfillAsync(args);

        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.NotEmpty(run.Error);
        Assert.Empty(run.Out);
        Assert.Empty(GitHub.Requests);
    }

    // Five item issues (two of the DNS postmortem, one of the broker's, three of the cache's), one tracking issue per
    // postmortem with its items attached, each created and attached once.
    private void AssertEachItemOnce()
    {
        Assert.Equal(6, Repository.ActionItemIssues.Count);
        Assert.Equal(6, Repository.ActionItemIssues.Select(i => IssueMarkerOf(i.Body)).Distinct().Count());
        var tracking = Repository.TrackingIssues;
        Assert.Equal(3, tracking.Count);
        Assert.Equal(9, GitHub.IssuesCreated);
        Assert.Equal([1, 2, 3], tracking.Select(t => Repository.SubIssues(t.Number).Count).Order());
        Assert.DoesNotContain(GitHub.Requests, r => r.StatusCode == 422);
    }

    /// <summary>The lease of the backfill, which tells when it is first asked for (the backfill has read everything and waits).</summary>
    private sealed class AskedLease(IJobLease lease, TaskCompletionSource asked) : IJobLease
    {
        public Task<IAsyncDisposable?> TryAcquireAsync(string job, CancellationToken cancellationToken) => lease.TryAcquireAsync(job, cancellationToken);

        public Task<IAsyncDisposable> AcquireAsync(string job, CancellationToken cancellationToken)
        {
            asked.TrySetResult();
            return lease.AcquireAsync(job, cancellationToken);
        }
    }

    private static string? IssueMarkerOf(string? body) => Core.Tracking.IssueMarker.Find(body ?? "");

    private async Task MergeCacheThroughServeAsync()
    {
        var app = await StartBotAsync();
        using var merged = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, [CacheFile]));
        await app.DrainAsync();
        await app.DisposeAsync();
    }

    private Task<CliRun> BackfillAsync(params string[] args) => BackfillAsync(null, CancellationToken.None, args);

    private Task<CliRun> BackfillAsync(Action<IServiceCollection>? services, CancellationToken cancellationToken, params string[] args) =>
        CliHarness.RunAsync([], ["backfill", .. args, .. Configuration()], services, cancellationToken);

    // What serve reads in ActionBotApplication, on the same SQLite file, as command-line configuration.
    private string[] Configuration() =>
    [
        $"--ActionBot:Storage:ConnectionString=Data Source={System.IO.Path.Combine(DataFolder, "actionbot.db")}",
        $"--ActionBot:GitHub:ApiBaseUrl={GitHub.BaseAddress.AbsoluteUri}",
        $"--ActionBot:GitHub:Token={Testing.GitHub.FakeGitHubServer.DefaultToken}",
        $"--ActionBot:GitHub:Repositories:0:Name={ActionBotApplication.Repository}",
        "--ActionBot:GitHub:Repositories:0:PostmortemPaths:0=postmortems/**/*.md",
        "--ActionBot:GitHub:MinimumWriteInterval=00:00:00",
        "--ActionBot:GitHub:RetryBaseDelay=00:00:00",
        "--ActionBot:GitHub:UncertainWritePause=00:00:00",
    ];

    private void Print(CliRun run) => output.WriteLine($"exit {run.ExitCode}\n--- stdout\n{run.Out}--- stderr\n{run.Error}");
}
