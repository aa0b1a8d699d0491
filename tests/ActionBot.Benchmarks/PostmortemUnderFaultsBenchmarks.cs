using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ActionBot.Hosting;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ActionBot.Benchmarks;

/// <summary>
/// The time from a merged postmortem's webhook (answered 202) to its four issues open on GitHub, while GitHub fails 30 %
/// of calls and half of the failed issue creations were applied anyway (the answer lost). The real bot (<c>serve</c>,
/// production defaults, a SQLite file) against the fake GitHub on loopback, in real time: a fresh bot, fake and fault
/// seed per iteration. Each iteration checks exactly-once (four issues created, one per item, each recorded) and prints
/// a line with its seed, time and the faults drawn.
/// </summary>
[Config(typeof(Config))]
[MinColumn, Q1Column, MedianColumn, Q3Column, MaxColumn]
public class PostmortemUnderFaultsBenchmarks : IDisposable
{
    private const string Repository = "acme/services";
    private const string Secret = "whsec_benchmark_0b5d";
    private const int PullRequest = 42;
    private const string Path = "postmortems/2025-03-01-checkout-outage.md";
    private const string Markdown = """
        # Checkout outage (March 1, 2025)

        ## Action items

        - [ ] Add a circuit breaker to the payment client
        - [ ] Alert on checkout error rate above two percent
        - [ ] Load test the checkout before each seasonal sale
        - [ ] Document the payment failover in the runbook

        """;

    /// <summary>One run of 20 iterations in this process (each iteration starts its own bot): seconds each, no warm-up.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(20)
            .WithInvocationCount(1).WithUnrollFactor(1)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)));
    }

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);
    private int _iteration;
    private string _folder = "";
    private FakeGitHubServer _github = null!;
    private WebApplication _bot = null!;
    private HttpClient _client = null!;
    private byte[] _delivery = [];
    private Stopwatch _clock = new();

    [IterationSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task FourIssuesOpen()
    {
        _clock = Stopwatch.StartNew();
        using var response = await _client.PostWebhookAsync("pull_request", _delivery, Secret);
        response.EnsureSuccessStatusCode();
        using var limit = new CancellationTokenSource(Limit);
        while (_github.Repository(Repository).Issues.Count < 4)
        {
            // A benchmark, not a test: polling every 10 ms costs nothing next to the seconds measured.
            await Task.Delay(10, limit.Token);
        }

        _clock.Stop();
    }

    [IterationCleanup]
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    private async Task StartAsync()
    {
        var seed = 1000 + _iteration++;
        _folder = Directory.CreateTempSubdirectory("actionbot-faults-").FullName;
        _github = await FakeGitHubServer.StartAsync();
        _github.AddRepository(Repository).AddFile(MergeSha, Path, Markdown)
            .AddPullRequest(PullRequest, [new FakeFileChange(Path, "added", Additions: 12)], "Checkout postmortem");
        _delivery = new PullRequestEventBuilder().InRepository(Repository).WithNumber(PullRequest)
            .Merged(MergeSha, new DateTimeOffset(2025, 3, 3, 8, 30, 0, TimeSpan.Zero)).Build();

        // 30 % of calls fail. Issue creations: 15 % fail before GitHub acts, and 15 % are created and then fail
        // (0.15 / 0.85 of the ones that got through), so half of the failed writes were applied anyway.
        var faults = _github.Faults;
        var halves = new Random(seed);
        faults.Seed(seed);
        faults.Rate = 0.3;
        faults.AppliesTo = (method, path) => !IsCreate(method, path) || halves.NextDouble() < 0.5;
        faults.CreateThenFailRate = 0.15 / 0.85;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["ActionBot:Storage:ConnectionString"] = $"Data Source={System.IO.Path.Combine(_folder, "actionbot.db")}",
            ["ActionBot:GitHub:ApiBaseUrl"] = _github.BaseAddress.AbsoluteUri,
            ["ActionBot:GitHub:Token"] = FakeGitHubServer.DefaultToken,
            ["ActionBot:GitHub:WebhookSecret"] = Secret,
            ["ActionBot:GitHub:Repositories:0:Name"] = Repository,
        });
        builder.Logging.ClearProviders();
        builder.AddActionBot();
        _bot = builder.Build();
        _bot.UseActionBot();
        await _bot.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_bot.Urls.First()) };
    }

    private async Task StopAsync()
    {
        // Exactly once: every item recorded with its own issue, and GitHub holds four issues, one per item.
        using var limit = new CancellationTokenSource(Limit);
        List<JsonElement> items;
        do
        {
            await Task.Delay(10, limit.Token);
            items = await _client.GetFromJsonAsync<List<JsonElement>>("/api/action-items?state=all", limit.Token) ?? [];
        }
        while (items.Count(i => i.GetProperty("issueNumber").ValueKind == JsonValueKind.Number) < 4);

        var issues = _github.Repository(Repository).Issues;
        var exactlyOnce = issues.Count == 4 && _github.IssuesCreated == 4 && items.Count == 4
            && items.Select(i => i.GetProperty("issueNumber").GetInt32()).Order().SequenceEqual(issues.Select(i => i.Number).Order());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// faults: iteration {_iteration}, {_clock.Elapsed.TotalSeconds:0.0} s, exactly once: {exactlyOnce}, faults before acting {_github.Faults.Injected}, created then failed {_github.Faults.InjectedAfterCreate}, requests {_github.Requests.Count}"));

        _client.Dispose();
        await _bot.StopAsync();
        await _bot.DisposeAsync();
        await _github.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        if (!exactlyOnce)
        {
            throw new InvalidOperationException($"Not exactly once: {issues.Count} issues on GitHub, {_github.IssuesCreated} created, {items.Count} items.");
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string MergeSha => "4f1c2a9e0d7b3c5a6e8f9a0b1c2d3e4f5a6b7c8d";

    private static bool IsCreate(string method, string path) =>
        method == "POST" && path.EndsWith("/issues", StringComparison.Ordinal);
}
