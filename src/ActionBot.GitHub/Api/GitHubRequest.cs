using System.Net;

namespace ActionBot.GitHub.Api;

/// <summary>What to send; a fresh <see cref="HttpRequestMessage"/> is built from it for every attempt.</summary>
internal sealed record GitHubRequest(HttpMethod Method, string Route)
{
    public const string JsonMediaType = "application/vnd.github+json";

    /// <summary>The file itself rather than base64 inside JSON, which GitHub leaves empty above 1 MB.</summary>
    public const string RawMediaType = "application/vnd.github.raw+json";

    public byte[]? Content { get; init; }

    public string Accept { get; init; } = JsonMediaType;

    /// <summary>Send If-None-Match with the last ETag of this URL (for polled lists).</summary>
    public bool UseETag { get; init; }

    /// <summary>Goes through <see cref="GitHubWriteGate"/>.</summary>
    public bool CreatesContent { get; init; } = Method != HttpMethod.Get && Method != HttpMethod.Head;

    /// <summary>May be repeated after a 5xx or timeout: GitHub acting on it twice does no harm.</summary>
    public bool SafeToRepeat { get; init; } = Method == HttpMethod.Get || Method == HttpMethod.Head;
}

/// <summary>A successful answer, read whole.</summary>
internal sealed record GitHubResponse(HttpStatusCode Status, byte[] Body, Uri? NextPage, string? MediaType = null);
