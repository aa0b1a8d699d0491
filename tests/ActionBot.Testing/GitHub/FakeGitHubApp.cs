using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActionBot.Testing.GitHub;

/// <summary>
/// A GitHub App registered with the fake: its key pair, the JWT check GitHub makes at the token exchange,
/// and the installation tokens handed out (each with an expiry on the fake's clock).
/// </summary>
public sealed class FakeGitHubApp : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly Lock _sync = new();
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _keyFiles = [];

    internal FakeGitHubApp(string appId, long installationId)
    {
        AppId = appId;
        InstallationId = installationId;
        PrivateKeyPem = _key.ExportRSAPrivateKeyPem(); // PKCS#1, the format GitHub hands out
    }

    public string AppId { get; }

    public long InstallationId { get; }

    public string PrivateKeyPem { get; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Successful exchanges of a JWT for an installation token.</summary>
    public int TokenExchanges { get; private set; }

    /// <summary>Exchanges refused because the JWT was missing, badly signed or expired.</summary>
    public int RejectedJwts { get; private set; }

    public IReadOnlyList<string> IssuedTokens
    {
        get
        {
            lock (_sync)
            {
                return [.. _tokens.Keys];
            }
        }
    }

    /// <summary>Writes the private key to a temporary file (removed on dispose), for <c>PrivateKeyPath</c>.</summary>
    public string WritePrivateKeyFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actionbot-fake-app-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, PrivateKeyPem);
        _keyFiles.Add(path);
        return path;
    }

    /// <summary>Every installation token stops working at once (as when GitHub revokes them).</summary>
    public void RevokeTokens()
    {
        lock (_sync)
        {
            _tokens.Clear();
        }
    }

    public void Dispose()
    {
        _key.Dispose();
        foreach (var file in _keyFiles)
        {
            File.Delete(file);
        }
    }

    internal bool IsValidToken(string token, DateTimeOffset now)
    {
        lock (_sync)
        {
            return _tokens.TryGetValue(token, out var expiresAt) && now < expiresAt;
        }
    }

    internal (string Token, DateTimeOffset ExpiresAt) IssueToken(DateTimeOffset now)
    {
        var token = "ghs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        var expiresAt = now + TokenLifetime;
        lock (_sync)
        {
            _tokens[token] = expiresAt;
            TokenExchanges++;
        }

        return (token, expiresAt);
    }

    /// <summary>GitHub's checks: RS256 signed by this App's key, issued by this App, not expired, at most 10 minutes long.</summary>
    internal string? ValidateJwt(string jwt, DateTimeOffset now)
    {
        var error = Validate(jwt, now);
        if (error is not null)
        {
            lock (_sync)
            {
                RejectedJwts++;
            }
        }

        return error;
    }

    private string? Validate(string jwt, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return "A JSON web token could not be decoded";
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "RS256")
            {
                return "'alg' must be RS256";
            }

            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!_key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "A JSON web token could not be decoded (signature)";
            }

            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = claims.RootElement;
            var iss = root.GetProperty("iss");
            var issuer = iss.ValueKind == JsonValueKind.Number ? iss.GetRawText() : iss.GetString();
            var iat = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64());
            var exp = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64());
            return issuer != AppId ? "'Issuer' claim ('iss') must be the App's id"
                : iat > now + TimeSpan.FromSeconds(1) ? "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued"
                : exp <= now ? "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"
                : exp - iat > TimeSpan.FromMinutes(10) ? "'Expiration time' claim ('exp') is too far in the future"
                : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return "A JSON web token could not be decoded";
        }
    }
}
