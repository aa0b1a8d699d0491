namespace ActionBot.GitHub.Api;

/// <summary>What the handler chain may do with a request, from its method and route alone.</summary>
internal static class GitHubRequestKind
{
    /// <summary>
    /// Whether the request may be sent again after a failure whose effect on GitHub is unknown (a 5xx, a time-out, a
    /// dropped answer): reads; PUT, PATCH and DELETE, which set a state rather than add one; minting an installation
    /// token; creating a label (a second one is refused as <c>already_exists</c>). Creating an issue or a comment is
    /// not: a repeat could add a second one, so its caller looks for the first before writing again.
    /// </summary>
    public static bool MayRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
        || request.Method == HttpMethod.Patch || request.Method == HttpMethod.Delete
        || IsTokenExchange(request) || IsLabelCreation(request);

    /// <summary>
    /// Writes that GitHub counts against the secondary limit on content creation (POST, PATCH, PUT, DELETE), paced one
    /// at a time. The token exchange creates nothing on a repository.
    /// </summary>
    public static bool CreatesContent(HttpRequestMessage request) =>
        request.Method != HttpMethod.Get && request.Method != HttpMethod.Head && !IsTokenExchange(request);

    private static bool IsTokenExchange(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && PathOf(request).EndsWith("/access_tokens", StringComparison.Ordinal)
        && PathOf(request).Contains("/app/installations/", StringComparison.Ordinal);

    private static bool IsLabelCreation(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && PathOf(request).EndsWith("/labels", StringComparison.Ordinal)
        && !PathOf(request).Contains("/issues/", StringComparison.Ordinal); // adding labels to an issue is another route

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "";
}
