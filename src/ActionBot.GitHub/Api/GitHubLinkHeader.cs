using System.Net.Http.Headers;

namespace ActionBot.GitHub.Api;

/// <summary>Reads GitHub's pagination header: <c>&lt;https://...&amp;page=2&gt;; rel="next", &lt;...&gt;; rel="last"</c>.</summary>
internal static class GitHubLinkHeader
{
    public static Uri? Next(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !parts[0].StartsWith('<') || !parts[0].EndsWith('>'))
            {
                continue;
            }

            var isNext = parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next");
            if (isNext && Uri.TryCreate(parts[0][1..^1], UriKind.Absolute, out var next))
            {
                return next;
            }
        }

        return null;
    }
}
