using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ActionBot.Testing.Discord;

/// <summary>Signs interactions as Discord does: Ed25519 over the timestamp followed by the body, with a key pair of its own.</summary>
public sealed class DiscordInteractionSigner
{
    private readonly Ed25519PrivateKeyParameters _privateKey = new(new SecureRandom());

    /// <summary>The value of <c>ActionBot:Discord:PublicKey</c>.</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_privateKey.GeneratePublicKey().GetEncoded());

    public byte[] Sign(string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(body);
        var message = Encoding.ASCII.GetBytes(timestamp).Concat(body).ToArray();
        var signer = new Ed25519Signer();
        signer.Init(true, _privateKey);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    /// <summary>A request as Discord posts it, signed at <paramref name="at"/>.</summary>
    public HttpRequestMessage Request(string path, byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(Sign(timestamp, body)));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}
