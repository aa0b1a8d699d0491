using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ActionBot.ReadAccess;

/// <summary>
/// The configured read token, and the browser sessions it opens. A session cookie is <c>v1.{expiry}.{mac}</c>: an
/// HMAC-SHA256 of its expiry under a key derived from the token (HKDF), so it is never the token, reveals nothing of it,
/// is valid on every replica that has the same token, and dies when the token is changed.
/// </summary>
public sealed class ReadToken
{
    public const string CookieName = "actionbot_read";

    /// <summary>How long a sign-in lasts.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(7);

    private const string Version = "v1";

    private readonly byte[]? _tokenHash;
    private readonly byte[]? _sessionKey;
    private readonly TimeProvider _time;

    public ReadToken(IOptions<ReadAccessOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        RequiredForEveryRead = options.Value.RequireToken;
        if (options.Value.ReadToken is { Length: > 0 } token)
        {
            var bytes = Encoding.UTF8.GetBytes(token);
            _tokenHash = SHA256.HashData(bytes);
            _sessionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, bytes, 32, info: "ActionBot read session v1"u8.ToArray());
        }
    }

    public bool IsConfigured => _tokenHash is not null;

    /// <summary><c>Dashboard:RequireToken</c>: requests from this machine need the token too.</summary>
    public bool RequiredForEveryRead { get; }

    /// <summary>Compares in constant time (hashes of equal length, whatever was presented).</summary>
    public bool Matches(string? presented) =>
        _tokenHash is not null && !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _tokenHash);

    /// <summary>A new session value for the cookie, valid for <see cref="SessionLifetime"/>.</summary>
    public string NewSession()
    {
        var expires = (_time.GetUtcNow() + SessionLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{Version}.{expires}.{Mac(expires)}";
    }

    public bool IsValidSession(string? session)
    {
        if (_sessionKey is null || session?.Split('.') is not [Version, var expires, var mac]
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || unixSeconds <= _time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(expires)), Encoding.ASCII.GetBytes(mac));
    }

    private string Mac(string expires) =>
        Base64Url(HMACSHA256.HashData(_sessionKey!, Encoding.ASCII.GetBytes($"{Version}.{expires}")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
