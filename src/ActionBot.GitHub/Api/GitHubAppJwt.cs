using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActionBot.GitHub.Api;

/// <summary>The JSON Web Token that authenticates a GitHub App: RS256 over {iat, exp, iss}.</summary>
internal static class GitHubAppJwt
{
    // GitHub allows at most 10 minutes; iat is back-dated against clock drift, as GitHub advises.
    public static readonly TimeSpan ClockDrift = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    public static string Create(RSA privateKey, string appId, DateTimeOffset now)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new GitHubAppJwtHeader("RS256", "JWT"), GitHubJsonContext.Default.GitHubAppJwtHeader);
        var claims = JsonSerializer.SerializeToUtf8Bytes(
            new GitHubAppJwtClaims((now - ClockDrift).ToUnixTimeSeconds(), (now + Lifetime).ToUnixTimeSeconds(), appId),
            GitHubJsonContext.Default.GitHubAppJwtClaims);

        var signed = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(claims);
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Credentials of the token exchange itself: a fresh JWT each time.</summary>
    internal sealed class Credentials(RSA privateKey, string appId, TimeProvider time) : IGitHubCredentials
    {
        public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(new AuthenticationHeaderValue("Bearer", Create(privateKey, appId, time.GetUtcNow())));

        public bool Invalidate(AuthenticationHeaderValue rejected) => false;
    }
}
