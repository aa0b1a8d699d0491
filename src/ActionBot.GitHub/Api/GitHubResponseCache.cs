using System.Collections.Concurrent;
using Octokit.Caching;
using Octokit.Internal;

namespace ActionBot.GitHub.Api;

/// <summary>
/// Octokit's ETag cache: the last JSON answer of each GET that came with an ETag. Octokit sends its ETag as
/// If-None-Match, and a 304 (which costs no rate limit) is answered from here.
/// </summary>
internal sealed class GitHubResponseCache : IResponseCache
{
    // Polling touches a handful of URLs; the bound only guards against a caller that varies them endlessly.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, CachedResponse.V1> _entries = new(StringComparer.Ordinal);

    public Task<CachedResponse.V1> GetAsync(IRequest request) => Task.FromResult(_entries.GetValueOrDefault(Key(request))!);

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        // Raw file bodies are streams, read once: only JSON text is kept.
        if (cachedResponse is { Body: string } && !string.IsNullOrEmpty(cachedResponse.ApiInfo?.Etag))
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[Key(request)] = cachedResponse;
        }

        return Task.CompletedTask;
    }

    // The URL with its query, and the media type asked for: the same URL answers JSON or raw bytes.
    private static string Key(IRequest request) =>
        new Uri(request.BaseAddress, request.Endpoint).AbsoluteUri + "\n" + request.Headers.GetValueOrDefault("Accept");
}
