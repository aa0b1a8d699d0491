using System.Net;
using System.Net.Http.Json;
using System.Text;
using ActionBot.GitHub.Webhooks;
using ActionBot.Testing.GitHub.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Tests.Webhooks;

public sealed class GitHubWebhookEndpointTests
{
    private const string Secret = "whsec-test-4f7d2c";

    [Fact]
    public async Task SignedDelivery_IsHandedToTheSink_AndAnswered202()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new PullRequestEventBuilder().InRepository("acme/services").Build();

        using var response = await server.Client.PostWebhookAsync("pull_request", body, Secret, "d-1");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var delivery = Assert.Single(server.Sink.Accepted);
        Assert.Equal("d-1", delivery.DeliveryId);
        Assert.Equal("pull_request", delivery.Event);
        Assert.Equal("closed", delivery.Action);
        Assert.Equal("acme/services", delivery.Repository);
        Assert.Equal(body, delivery.Body.ToArray());
        Assert.Equal(WebhookTestServer.Now, delivery.ReceivedAt);
    }

    [Fact]
    public async Task RedeliveredWebhook_IsAnswered202_AndStoredOnce()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new PushEventBuilder().WithCommit(added: ["postmortems/a.md"]).Build();

        using var first = await server.Client.PostWebhookAsync("push", body, Secret, "d-2");
        using var second = await server.Client.PostWebhookAsync("push", body, Secret, "d-2");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Single(server.Sink.Accepted);
        Assert.Equal(2, server.Sink.Calls);
        Assert.Contains(server.EndpointLogs(), e => e.EventId.Id == 1108);
    }

    [Fact]
    public async Task EventTheBotIgnores_IsStillAccepted()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);

        using var response = await server.Client.PostWebhookAsync("star", """{"action":"created"}"""u8.ToArray(), Secret);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("star", Assert.Single(server.Sink.Accepted).Event);
    }

    [Fact]
    public async Task Ping_IsAnswered200_AndNotStored()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);

        using var response = await server.Client.PostWebhookAsync("ping", new PingEventBuilder().Build(), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task NoSecretConfigured_Answers503WithProblemDetails_AndStoresNothing(string? secret)
    {
        await using var server = await WebhookTestServer.StartAsync(secret);

        using var response = await server.Client.PostWebhookAsync("push", new PushEventBuilder().Build(), "any-secret");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("webhook secret not configured", problem?.Title);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task DeclaredBodyOverTheCap_Answers413_AndStoresNothing()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new byte[GitHubWebhookEndpoint.MaxBodyBytes + 1];

        using var response = await server.Client.PostWebhookAsync("push", body, Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task ChunkedBodyOverTheCap_Answers413_AndStoresNothing()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new byte[GitHubWebhookEndpoint.MaxBodyBytes + 1];
        using var request = GitHubWebhookSigner.CreateRequest("push", body, Secret);
        request.Content = new ChunkedContent(body);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task ChunkedSignedDelivery_IsAccepted()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new IssuesEventBuilder().Build();
        using var request = GitHubWebhookSigner.CreateRequest("issues", body, Secret);
        request.Content = new ChunkedContent(body);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(body, Assert.Single(server.Sink.Accepted).Body.ToArray());
    }

    public static TheoryData<string, string?, WebhookSignatureResult> BadSignatures() => new()
    {
        { "missing", null, WebhookSignatureResult.MissingSignature },
        { "malformed", "sha1=0123456789abcdef0123456789abcdef01234567", WebhookSignatureResult.MalformedSignature },
        { "wrong secret", GitHubWebhookSigner.Sign(new PushEventBuilder().Build(), "not-the-secret"), WebhookSignatureResult.Mismatch },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task BadSignature_Answers401_StoresNothing_AndLogsWithoutSecrets(string @case, string? signature, WebhookSignatureResult expected)
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        using var request = GitHubWebhookSigner.CreateRequest("push", new PushEventBuilder().Build(), secret: null, deliveryId: "d-401");
        if (signature is not null)
        {
            request.Headers.Add(WebhookSignatureValidator.HeaderName, signature);
        }

        using var response = await server.Client.SendAsync(request);

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, @case);
        Assert.Equal(0, server.Sink.Calls);
        var warning = Assert.Single(server.EndpointLogs(), e => e.EventId.Id == 1103);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(new KeyValuePair<string, object?>("DeliveryId", "d-401"), warning.State);
        Assert.Contains(new KeyValuePair<string, object?>("SignatureResult", expected), warning.State);
        AssertNothingSecretLogged(server, signature);
    }

    [Fact]
    public async Task TamperedBody_Answers401()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new PullRequestEventBuilder().Build();
        using var request = GitHubWebhookSigner.CreateRequest("pull_request", body, Secret);
        var tampered = (byte[])body.Clone();
        tampered[100] ^= 0x20;
        request.Content = new ByteArrayContent(tampered);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task SignedBodyThatIsNotJson_Answers400_AndStoresNothing()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);

        using var response = await server.Client.PostWebhookAsync("push", Encoding.UTF8.GetBytes("payload=%7B%22ref%22%3A%22x%22%7D"), Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Theory]
    [InlineData("X-GitHub-Delivery")]
    [InlineData("X-GitHub-Event")]
    public async Task MissingDeliveryHeader_Answers400_AndStoresNothing(string header)
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        using var request = GitHubWebhookSigner.CreateRequest("push", new PushEventBuilder().Build(), Secret);
        request.Headers.Remove(header);

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task UnsignedRequestWithoutHeaders_Answers401_NotHintingAtWhatIsMissing()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri(GitHubWebhookSigner.Path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logs_CarryTheDeliveryScope_AndOnlyAllowlistedHeaders()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        using var request = GitHubWebhookSigner.CreateRequest("push", new PushEventBuilder().Build(), Secret, "d-scope");
        request.Headers.Add("Authorization", "Bearer ghp_never_log_me");
        request.Headers.Add("Cookie", "session=never_log_me");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var logs = server.EndpointLogs().ToList();
        Assert.NotEmpty(logs);
        Assert.All(logs, e => Assert.Contains(e.Scopes, s => s is IEnumerable<KeyValuePair<string, object?>> kv && kv.Contains(new("DeliveryId", "d-scope"))));
        var received = Assert.Single(logs, e => e.EventId.Id == 1100);
        Assert.Equal(["Event", "DeliveryId", "HookId", "UserAgent", "ContentLength", "{OriginalFormat}"], received.State.Select(kv => kv.Key));
        Assert.All(server.Logs.Entries, e => Assert.DoesNotContain("never_log_me", e.Message, StringComparison.Ordinal));
        AssertNothingSecretLogged(server, request.Headers.GetValues(WebhookSignatureValidator.HeaderName).Single());
    }

    [Fact]
    public async Task ManyConcurrentDeliveries_AreEachStoredOnce()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var body = new PullRequestEventBuilder().Build();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => server.Client.PostWebhookAsync("pull_request", body, Secret, $"d-{i % 100}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(100, server.Sink.Accepted.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static void AssertNothingSecretLogged(WebhookTestServer server, string? signature)
    {
        foreach (var entry in server.Logs.Entries)
        {
            var rendered = entry.Message + string.Join('|', entry.State.Select(kv => kv.Value)) + string.Join('|', entry.Scopes);
            Assert.DoesNotContain(Secret, rendered, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(signature))
            {
                Assert.DoesNotContain(signature, rendered, StringComparison.Ordinal);
                Assert.DoesNotContain(signature.Split('=')[^1], rendered, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    // No Content-Length, so HttpClient sends Transfer-Encoding: chunked.
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
