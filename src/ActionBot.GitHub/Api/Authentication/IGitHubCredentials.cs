using System.Net.Http.Headers;

namespace ActionBot.GitHub.Api.Authentication;

/// <summary>Supplies the Authorization header of each attempt sent to GitHub. Implementations never log the secret.</summary>
public interface IGitHubCredentials
{
    /// <summary>The header for a request to <paramref name="uri"/> (GitHub App routes take the App's JWT).</summary>
    ValueTask<AuthenticationHeaderValue> AuthorizeAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>
    /// GitHub answered 401 to <paramref name="rejected"/>, sent to <paramref name="uri"/>. Returns true when new
    /// credentials can be obtained, so that the request is worth sending once more.
    /// </summary>
    bool Invalidate(Uri uri, AuthenticationHeaderValue rejected);
}

/// <summary>A fixed personal access or installation token (<c>ActionBot:GitHub:Token</c>).</summary>
public sealed class GitHubTokenCredentials(string token) : IGitHubCredentials
{
    private readonly AuthenticationHeaderValue _header = new("Bearer", token);

    public ValueTask<AuthenticationHeaderValue> AuthorizeAsync(Uri uri, CancellationToken cancellationToken) => ValueTask.FromResult(_header);

    public bool Invalidate(Uri uri, AuthenticationHeaderValue rejected) => false;

    public override string ToString() => "GitHub token (hidden)";
}
