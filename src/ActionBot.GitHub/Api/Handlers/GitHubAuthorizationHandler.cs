using System.Net;
using ActionBot.GitHub.Api.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api.Handlers;

/// <summary>
/// Authorizes every attempt with the current credentials, so a retry after a long wait never carries an expired
/// installation token or JWT; on a 401 renews them once and sends again (GitHub did nothing, so even a POST may be
/// repeated). Requests to another host (a redirect) never get our credentials. Adds GitHub's API version header.
/// </summary>
internal sealed partial class GitHubAuthorizationHandler(
    IGitHubCredentials credentials,
    IOptions<GitHubOptions> options,
    ILogger<GitHubAuthorizationHandler> logger) : DelegatingHandler
{
    /// <summary>The version of GitHub's REST API whose shapes the bot reads.</summary>
    public const string ApiVersion = "2022-11-28";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-GitHub-Api-Version");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
        if (request.RequestUri is not { } uri || !IsGitHubApi(uri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var authorization = await credentials.AuthorizeAsync(uri, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = authorization;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !credentials.Invalidate(uri, authorization))
        {
            return response;
        }

        Log.Reauthenticating(logger, request.Method, uri.AbsolutePath);
        response.Dispose();
        request.Headers.Authorization = await credentials.AuthorizeAsync(uri, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private bool IsGitHubApi(Uri uri) =>
        Uri.Compare(uri, options.Value.ApiBaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "GitHub refused the credentials of {Method} {Path} (401); sending it once more with new ones")]
        public static partial void Reauthenticating(ILogger logger, HttpMethod method, string path);
    }
}
