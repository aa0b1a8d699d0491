using System.Net.Http.Headers;

namespace ActionBot.GitHub.Api;

/// <summary>Supplies the Authorization header of GitHub calls. Implementations never log the secret.</summary>
public interface IGitHubCredentials
{
    ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// GitHub answered 401 to <paramref name="rejected"/>. Returns true when new credentials can be obtained,
    /// so that the call is worth sending once more.
    /// </summary>
    bool Invalidate(AuthenticationHeaderValue rejected);
}

/// <summary>A fixed personal access or installation token (<c>ActionBot:GitHub:Token</c>).</summary>
public sealed class GitHubTokenCredentials(string token) : IGitHubCredentials
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_header);

    public bool Invalidate(AuthenticationHeaderValue rejected) => false;

    public override string ToString() => "GitHub token (hidden)";
}
