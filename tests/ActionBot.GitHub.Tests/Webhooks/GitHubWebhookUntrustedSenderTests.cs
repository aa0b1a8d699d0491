using System.Globalization;
using ActionBot.GitHub.Webhooks;
using ActionBot.Testing;
using ActionBot.Testing.GitHub.Webhooks;
using Microsoft.Extensions.Logging;

namespace ActionBot.GitHub.Tests.Webhooks;

/// <summary>
/// What a sender without the secret can make the endpoint do: no memory for a body it announces without a signature,
/// nothing it writes in a header reaches the log as it wrote it, and giving up mid-body is an expected event.
/// </summary>
public sealed class GitHubWebhookUntrustedSenderTests
{
    private const string Secret = "whsec-test-4f7d2c-9a1e5b7c3d2f4a6e";
    private const int Announced = 25 * 1024 * 1024;

    [Theory]
    [InlineData(null)]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256=not-hex")]
    public async Task A_request_without_a_signature_of_the_right_shape_is_refused_before_its_body_is_sent(string? signature)
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var headers = Headers("d-unsigned", Announced);
        if (signature is not null)
        {
            headers.Add(new(WebhookSignatureValidator.HeaderName, signature));
        }

        // The body is never sent: the answer must come from the headers alone.
        using var connection = await RawHttpConnection.PostAsync(server.Client.BaseAddress!, GitHubWebhookSigner.Path, headers);

        Assert.Equal(401, await connection.StatusAsync.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task A_sender_that_drops_the_connection_mid_body_is_logged_as_an_expected_event_without_a_stack_trace()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var headers = Headers("d-gone", 1000);
        headers.Add(new(WebhookSignatureValidator.HeaderName, "sha256=" + new string('0', 64)));
        using var connection = await RawHttpConnection.PostAsync(server.Client.BaseAddress!, GitHubWebhookSigner.Path, headers, "{\"zen\":"u8.ToArray());

        // Once the endpoint holds the request, the sender goes away.
        await server.Logs.WaitForAsync(e => e.EventId.Id == 1100);
        connection.Abort();
        await server.Logs.WaitForAsync(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.EventId.Id == 2);

        var gone = Assert.Single(server.EndpointLogs(), e => e.EventId.Id == 1111);
        Assert.Equal(LogLevel.Information, gone.Level);
        Assert.Null(gone.Exception);
        // Kestrel's own Debug line about the cut-short body may carry the exception; nothing a deployment logs does.
        Assert.Empty(server.Logs.Entries.Where(e => e.Level >= LogLevel.Error || (e.Level >= LogLevel.Information && e.Exception is not null))
            .Select(e => $"{e.Category} {e.Level}: {e.Message}"));
        Assert.Equal(0, server.Sink.Calls);
    }

    [Fact]
    public async Task The_headers_of_an_unsigned_request_reach_the_log_without_control_characters_and_bounded()
    {
        await using var server = await WebhookTestServer.StartAsync(Secret);
        var forged = "d-1\u001b[2K\u001b[1Ginfo: ActionBot accepted everything\u001b[0m" + new string('x', 5000);
        var headers = Headers(forged, 2);
        headers.Add(new("X-GitHub-Hook-ID", "\u001b]0;pwned\u0007"));

        using var connection = await RawHttpConnection.PostAsync(server.Client.BaseAddress!, GitHubWebhookSigner.Path, headers, "{}"u8.ToArray());

        Assert.Equal(401, await connection.StatusAsync.WaitAsync(TimeSpan.FromSeconds(30)));
        var logged = server.EndpointLogs().SelectMany(e => e.State.Select(kv => kv.Value?.ToString()).Append(e.Message)).OfType<string>().ToList();
        Assert.Contains(logged, v => v.StartsWith("d-1\\u001B[2K", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, v => v.Any(char.IsControl));
        Assert.DoesNotContain(logged, v => v.Contains(new string('x', 201), StringComparison.Ordinal));
    }

    private static List<KeyValuePair<string, string>> Headers(string deliveryId, int contentLength) =>
    [
        new("Content-Type", "application/json"),
        new("Content-Length", contentLength.ToString(CultureInfo.InvariantCulture)),
        new("User-Agent", "GitHub-Hookshot/7c3a9e1"),
        new("X-GitHub-Event", "push"),
        new("X-GitHub-Delivery", deliveryId),
    ];
}
