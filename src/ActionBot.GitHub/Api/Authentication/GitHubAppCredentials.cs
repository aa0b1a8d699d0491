using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace ActionBot.GitHub.Api.Authentication;

/// <summary>
/// Authenticates as a GitHub App installation: requests to the App's own routes (<c>/app/...</c>) carry a fresh JWT
/// signed with the App's key; every other request carries the installation token, obtained with that JWT through
/// Octokit (and so through the same handler chain: retries, rate limits), cached, and renewed five minutes before it
/// expires, or at once when GitHub refuses it.
/// </summary>
internal sealed partial class GitHubAppCredentials(
    IOptions<GitHubOptions> options,
    OctokitClientFactory clients,
    TimeProvider time,
    ILogger<GitHubAppCredentials> logger) : IGitHubCredentials, IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly GitHubOptions _options = options.Value;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private readonly Lazy<IGitHubClient> _exchange = new(clients.Create);
    private readonly Lazy<RSA> _privateKey = new(() => LoadPrivateKey(options.Value));
    private volatile CachedToken? _current;

    public async ValueTask<AuthenticationHeaderValue> AuthorizeAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (IsAppRoute(uri))
        {
            return new AuthenticationHeaderValue("Bearer", GitHubAppJwt.Create(_privateKey.Value, AppId, time.GetUtcNow()));
        }

        if (Fresh(_current) is { } header)
        {
            return header;
        }

        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } renewed)
            {
                return renewed;
            }

            var installationId = _options.InstallationId ?? throw new InvalidOperationException("ActionBot:GitHub:InstallationId is not set.");
            var token = await GitHubCall.RunAsync(() => _exchange.Value.GitHubApps.CreateInstallationToken(installationId), cancellationToken).ConfigureAwait(false);
            _current = new CachedToken(new AuthenticationHeaderValue("Bearer", token.Token), token.ExpiresAt);
            Log.TokenObtained(logger, installationId, token.ExpiresAt);
            return _current.Header;
        }
        finally
        {
            _renewing.Release();
        }
    }

    public bool Invalidate(Uri uri, AuthenticationHeaderValue rejected)
    {
        if (IsAppRoute(uri))
        {
            // A refused JWT (a wrong key, a wrong App id) does not get better by signing another.
            return false;
        }

        // Renewed already, by a request refused at the same time, when this is no longer the current token.
        if (_current is { } current && ReferenceEquals(current.Header, rejected))
        {
            Log.TokenRefused(logger, _options.InstallationId);
            _current = null;
        }

        return true;
    }

    public void Dispose()
    {
        _renewing.Dispose();
        if (_privateKey.IsValueCreated)
        {
            _privateKey.Value.Dispose();
        }
    }

    private string AppId => _options.AppId ?? throw new InvalidOperationException("ActionBot:GitHub:AppId is not set.");

    private bool IsAppRoute(Uri uri) =>
        uri.AbsolutePath.StartsWith(_options.ApiBaseUrl.AbsolutePath + "app/", StringComparison.Ordinal)
        || uri.AbsolutePath.Equals(_options.ApiBaseUrl.AbsolutePath + "app", StringComparison.Ordinal);

    private AuthenticationHeaderValue? Fresh(CachedToken? token) =>
        token is not null && time.GetUtcNow() < token.ExpiresAt - RenewBefore ? token.Header : null;

    private static RSA LoadPrivateKey(GitHubOptions options)
    {
        var path = options.PrivateKeyPath ?? throw new InvalidOperationException("ActionBot:GitHub:PrivateKeyPath is not set.");
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private sealed record CachedToken(AuthenticationHeaderValue Header, DateTimeOffset ExpiresAt)
    {
        // Records print their members; this one holds a secret.
        public override string ToString() => $"installation token (hidden), expires {ExpiresAt:O}";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Obtained a GitHub App installation token for installation {InstallationId}, expiring at {ExpiresAt:O}")]
        public static partial void TokenObtained(ILogger logger, long installationId, DateTimeOffset expiresAt);

        [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "GitHub refused the installation token of installation {InstallationId}; obtaining a new one")]
        public static partial void TokenRefused(ILogger logger, long? installationId);
    }
}
