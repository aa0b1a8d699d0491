using System.Net;
using System.Globalization;
using ActionBot.Testing;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;
using ActionBot.Tests.Cli;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Integration;

/// <summary>
/// Unverified webhook bodies cost memory only as their bytes arrive, and few large ones are read at once: the bot in its
/// own process, under the heap a 512 Mi Kubernetes pod gives .NET (384 MB), holds 40 connections that announce 25 MB
/// bodies and send none, while it takes a real delivery to its issues and answers its health probe.
/// </summary>
public sealed class WebhookFloodTests : IntegrationTest
{
    private const int Connections = 40;
    private const string HeapOfA512MiPod = "0x18000000";

    [Fact]
    public async Task Forty_header_only_25_MB_deliveries_held_open_leave_room_for_a_real_delivery_and_the_health_probe()
    {
        using var folder = new TempFolder();
        await using var serve = ServeProcess.Start(folder.Path, Settings(), new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = HeapOfA512MiPod });
        var address = await serve.ListeningAsync();
        using var client = new HttpClient { BaseAddress = address };

        var flood = new List<RawHttpConnection>();
        using var closeFlood = new Disposables(flood);
        for (var i = 0; i < Connections; i++)
        {
            flood.Add(await HeaderOnlyAsync(address, $"flood-{i}"));
        }

        await serve.WaitForOutputAsync(line => line.Contains("delivery flood-", StringComparison.Ordinal), Connections);
        using var healthDuringFlood = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var accepted = await client.PostWebhookAsync("pull_request", MergedPullRequest.Seed(GitHub, 42, SamplePostmortems.Both), ActionBotApplication.WebhookSecret);
        await serve.WaitForOutputAsync(line => line.Contains($"Postmortem {ActionBotApplication.Repository}/", StringComparison.Ordinal), SamplePostmortems.Both.Count);
        using var healthAfter = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, healthDuringFlood.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(5, Repository.ActionItemIssues.Count);
        Assert.Equal(HttpStatusCode.OK, healthAfter.StatusCode);
        Assert.False(serve.HasExited);

        // A held connection may have been answered meanwhile (too slow: 408; waited too long for its turn: 503), never
        // with a failure of the bot's own.
        Assert.All(flood.Select(c => c.StatusCode), status => Assert.True(status is null or 408 or 503, $"a held connection was answered {status}"));
        Assert.DoesNotContain([.. serve.Output, .. serve.Error], l => l.Contains("OutOfMemory", StringComparison.Ordinal));
    }

    private string[] Settings() =>
    [
        "serve", "--urls", "http://127.0.0.1:0",
        $"--ActionBot:GitHub:ApiBaseUrl={GitHub.BaseAddress.AbsoluteUri}",
        $"--ActionBot:GitHub:Token={FakeGitHubServer.DefaultToken}",
        $"--ActionBot:GitHub:WebhookSecret={ActionBotApplication.WebhookSecret}",
        $"--ActionBot:GitHub:Repositories:0:Name={ActionBotApplication.Repository}",
        "--ActionBot:GitHub:MinimumWriteInterval=00:00:00",

        // The endpoint's Debug line says each request reached it, before it looks at the body.
        "--Logging:LogLevel:ActionBot.GitHub.Webhooks=Debug",
    ];

    // Headers as GitHub sends them, with a signature of the right shape (but wrong), announcing a 25 MB body.
    private static Task<RawHttpConnection> HeaderOnlyAsync(Uri address, string deliveryId) =>
        RawHttpConnection.PostAsync(address, GitHubWebhookSigner.Path,
        [
            new("Content-Type", "application/json"),
            new("Content-Length", (25 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)),
            new("User-Agent", "GitHub-Hookshot/7c3a9e1"),
            new("X-GitHub-Event", "pull_request"),
            new("X-GitHub-Delivery", deliveryId),
            new("X-Hub-Signature-256", "sha256=" + new string('0', 64)),
        ]);

    private sealed class Disposables(List<RawHttpConnection> connections) : IDisposable
    {
        public void Dispose() => connections.ForEach(c => c.Dispose());
    }
}
