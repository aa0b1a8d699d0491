using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ActionBot.GitHub.Api.Authentication;

/// <summary>The JSON Web Token that authenticates a GitHub App: RS256 over {iat, exp, iss}.</summary>
internal static class GitHubAppJwt
{
    // GitHub allows at most 10 minutes; iat is back-dated against clock drift, as GitHub advises.
    public static readonly TimeSpan ClockDrift = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);

    public static string Create(RSA privateKey, string appId, DateTimeOffset now)
    {
        var claims = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(claims))
        {
            json.WriteStartObject();
            json.WriteNumber("iat", (now - ClockDrift).ToUnixTimeSeconds());
            json.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            json.WriteString("iss", appId);
            json.WriteEndObject();
        }

        var signed = Header + "." + Base64Url.EncodeToString(claims.WrittenSpan);
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }
}
