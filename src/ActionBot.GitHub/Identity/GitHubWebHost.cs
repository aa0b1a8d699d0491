namespace ActionBot.GitHub.Identity;

/// <summary>
/// Where GitHub's web pages and OAuth endpoints (<c>/login/...</c>) are, given the REST API root: github.com for
/// api.github.com, the instance itself for GitHub Enterprise Server (<c>https://ghe.example/api/v3/</c>) and for a
/// test server, <c>NAME.ghe.com</c> for GitHub Enterprise Cloud with data residency (<c>api.NAME.ghe.com</c>).
/// </summary>
public static class GitHubWebHost
{
    public static Uri For(Uri apiBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(apiBaseUrl);
        var host = apiBaseUrl.Host;
        if (host.Equals("api.github.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("https://github.com/");
        }

        var web = new UriBuilder(apiBaseUrl.Scheme, host, apiBaseUrl.Port, "/");
        if (host.StartsWith("api.", StringComparison.OrdinalIgnoreCase) && host.EndsWith(".ghe.com", StringComparison.OrdinalIgnoreCase))
        {
            web.Host = host["api.".Length..];
        }

        return web.Uri;
    }
}
