using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;

namespace ActionBot.GitHub.Api;

/// <summary>
/// Builds Octokit clients whose <see cref="Connection"/> points at <see cref="GitHubOptions.ApiBaseUrl"/> and sends
/// through our handler chain (<see cref="GitHubServiceCollectionExtensions.HttpClientName"/>), with <see cref="GitHubResponseCache"/> as its ETag cache.
/// Credentials are not Octokit's: the chain authorizes each attempt (see <c>GitHubAuthorizationHandler</c>).
/// </summary>
internal sealed class OctokitClientFactory(IHttpMessageHandlerFactory handlers, IOptions<GitHubOptions> options, GitHubResponseCache cache)
{
    private static readonly ICredentialStore NoCredentials = new InMemoryCredentialStore(Credentials.Anonymous);

    public GitHubClient Create()
    {
        var http = new HttpClientAdapter(() => handlers.CreateHandler(GitHubServiceCollectionExtensions.HttpClientName));
        var connection = new Connection(new ProductHeaderValue("ActionBot", "1.0"), options.Value.ApiBaseUrl, NoCredentials, http, new SimpleJsonSerializer())
        {
            ResponseCache = cache,
        };

        // HttpClient's own 100-second limit would cut short a rate-limit wait: the chain bounds each attempt instead.
        connection.SetRequestTimeout(Timeout.InfiniteTimeSpan);
        return new GitHubClient(connection);
    }
}
