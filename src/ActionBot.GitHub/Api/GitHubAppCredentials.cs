using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api;

/// <summary>
/// Authenticates as a GitHub App installation: a JWT signed with the App's key is exchanged for an installation
/// token, which is cached and renewed five minutes before it expires, or at once when GitHub refuses it.
/// </summary>
internal sealed partial class GitHubAppCredentials : IGitHubCredentials, IDisposable
{
    public const string HttpClientName = "ActionBot.GitHub.App";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClients;
    private readonly GitHubOptions _options;
    private readonly GitHubResilience _resilience;
    private readonly GitHubWriteGate _writeGate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private RSA? _privateKey;
    private volatile CachedToken? _current;

    public GitHubAppCredentials(
        IHttpClientFactory httpClients,
        IOptions<GitHubOptions> options,
        GitHubResilience resilience,
        GitHubWriteGate writeGate,
        TimeProvider time,
        ILogger<GitHubAppCredentials> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _resilience = resilience;
        _writeGate = writeGate;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
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

            var token = await ExchangeAsync(cancellationToken).ConfigureAwait(false);
            _current = new CachedToken(new AuthenticationHeaderValue("Bearer", token.Token), token.ExpiresAt);
            Log.TokenObtained(_logger, _options.InstallationId, token.ExpiresAt);
            return _current.Header;
        }
        finally
        {
            _renewing.Release();
        }
    }

    public bool Invalidate(AuthenticationHeaderValue rejected)
    {
        var current = _current;
        if (current is not null && ReferenceEquals(current.Header, rejected))
        {
            Log.TokenRefused(_logger, _options.InstallationId);
            _current = null;
        }

        return true;
    }

    public void Dispose()
    {
        _renewing.Dispose();
        _privateKey?.Dispose();
    }

    private AuthenticationHeaderValue? Fresh(CachedToken? token) =>
        token is not null && _time.GetUtcNow() < token.ExpiresAt - RenewBefore ? token.Header : null;

    private async Task<GitHubInstallationToken> ExchangeAsync(CancellationToken cancellationToken)
    {
        var appId = _options.AppId ?? throw new InvalidOperationException("ActionBot:GitHub:AppId is not set.");
        var installationId = _options.InstallationId ?? throw new InvalidOperationException("ActionBot:GitHub:InstallationId is not set.");
        _privateKey ??= LoadPrivateKey();

        // Minting another token changes nothing on GitHub: safe to repeat, and no content to pace.
        var request = new GitHubRequest(HttpMethod.Post, GitHubApiRoutes.InstallationAccessTokens(installationId))
        {
            SafeToRepeat = true,
            CreatesContent = false,
        };
        var connection = new GitHubConnection(
            _httpClients.CreateClient(HttpClientName),
            new GitHubAppJwt.Credentials(_privateKey, appId, _time),
            _resilience,
            _writeGate,
            etags: null,
            _time,
            _logger);
        var response = await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(response.Body, GitHubJsonContext.Default.GitHubInstallationToken)
            ?? throw new JsonException("GitHub answered the installation token request with null.");
    }

    private RSA LoadPrivateKey()
    {
        var path = _options.PrivateKeyPath ?? throw new InvalidOperationException("ActionBot:GitHub:PrivateKeyPath is not set.");
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
        public static partial void TokenObtained(ILogger logger, long? installationId, DateTimeOffset expiresAt);

        [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "GitHub refused the installation token of installation {InstallationId}; obtaining a new one")]
        public static partial void TokenRefused(ILogger logger, long? installationId);
    }
}
