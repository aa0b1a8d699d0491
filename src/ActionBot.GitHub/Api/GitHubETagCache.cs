using System.Collections.Concurrent;

namespace ActionBot.GitHub.Api;

/// <summary>The last answer and ETag per URL of polled lists: a 304 reuses the answer and costs no rate limit.</summary>
internal sealed class GitHubETagCache
{
    // Polling touches a handful of URLs; the bound only guards against a caller that varies them endlessly.
    private const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<Uri, Entry> _entries = new();

    public Entry? Find(Uri uri) => _entries.TryGetValue(uri, out var entry) ? entry : null;

    public void Store(Uri uri, string etag, GitHubResponse response)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[uri] = new Entry(etag, response);
    }

    internal sealed record Entry(string ETag, GitHubResponse Response);
}
