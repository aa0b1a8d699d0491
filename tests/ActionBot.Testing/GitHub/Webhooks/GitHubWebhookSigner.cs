using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Testing.GitHub.Webhooks;

/// <summary>Signs and shapes webhook requests the way GitHub sends them; independent of the code under test.</summary>
public static class GitHubWebhookSigner
{
    public const string Path = "/webhooks/github";

    /// <summary>The <c>X-Hub-Signature-256</c> value: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the body.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>
    /// A POST carrying GitHub's delivery headers. No signature header when <paramref name="secret"/> is null;
    /// a fresh GUID when <paramref name="deliveryId"/> is null.
    /// </summary>
    public static HttpRequestMessage CreateRequest(string eventName, byte[] body, string? secret, string? deliveryId = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative)) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", "GitHub-Hookshot/7c3a9e1");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Hook-ID", "512347890");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-Type", "repository");
        request.Headers.Add("X-GitHub-Hook-Installation-Target-ID", "700100200");
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", Sign(body, secret));
        }

        return request;
    }

    /// <summary>Posts a delivery signed like GitHub to <see cref="Path"/> on the client's base address.</summary>
    public static async Task<HttpResponseMessage> PostWebhookAsync(
        this HttpClient client,
        string eventName,
        byte[] body,
        string? secret,
        string? deliveryId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = CreateRequest(eventName, body, secret, deliveryId);
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
