using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ActionBot.Hosting;

namespace ActionBot.Tests.Hosting;

/// <summary>A client of <c>GET /api/action-items</c> that pages as GitHub's clients do: it follows <c>Link: rel="next"</c>.</summary>
internal static partial class ApiPages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One page: its items and the next page's URL (null on the last), after checking the headers every page carries.</summary>
    public static async Task<(List<ActionItemResponse> Items, Uri? Next)> GetAsync(HttpClient client, Uri url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url} answers Cache-Control: no-store");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var items = await response.Content.ReadFromJsonAsync<List<ActionItemResponse>>(Json) ?? [];
        return (items, Next(response));
    }

    /// <summary>
    /// Every page from <paramref name="first"/> on; <paramref name="between"/> runs after each page (a test adds items
    /// meanwhile). Stops after 10,000 pages: a cursor that never ends fails the test rather than hanging it.
    /// </summary>
    public static async Task<(List<ActionItemResponse> Items, int Pages)> WalkAsync(HttpClient client, string first, Func<int, Task>? between = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var items = new List<ActionItemResponse>();
        Uri? url = new(client.BaseAddress!, first);
        var pages = 0;
        while (url is not null && pages < 10_000)
        {
            var (page, next) = await GetAsync(client, url);
            items.AddRange(page);
            url = next;
            pages++;
            if (between is not null)
            {
                await between(pages);
            }
        }

        Assert.Null(url);
        return (items, pages);
    }

    /// <summary>The rel="next" target of the Link header, the way GitHub's clients parse it.</summary>
    public static Uri? Next(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var match = values.SelectMany(v => v.Split(',')).Select(part => LinkPart().Match(part.Trim())).SingleOrDefault(m => m.Success && m.Groups["rel"].Value == "next");
        return match is null ? null : new Uri(match.Groups["url"].Value, UriKind.Absolute);
    }

    [GeneratedRegex("""^<(?<url>[^>]+)>;\s*rel="(?<rel>[^"]+)"$""")]
    private static partial Regex LinkPart();
}
