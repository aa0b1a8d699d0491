using System.Globalization;
using System.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace ActionBot.Discord.Interactions;

public enum InteractionSignatureResult
{
    Valid,

    /// <summary>No public key is configured, so nothing can be verified.</summary>
    MissingPublicKey,
    MissingSignature,
    MissingTimestamp,

    /// <summary>The signature is not 128 hex digits or the timestamp not Unix seconds.</summary>
    Malformed,
    Mismatch,

    /// <summary>Signed, but more than <see cref="Ed25519SignatureVerifier.ReplayWindow"/> from now: a replay.</summary>
    Stale,
}

/// <summary>
/// Checks Discord's <c>X-Signature-Ed25519</c>: an Ed25519 signature (RFC 8032) by the application's key over
/// <c>X-Signature-Timestamp</c> followed by the raw body. The timestamp must be within five minutes of now.
/// </summary>
public sealed class Ed25519SignatureVerifier(TimeProvider time)
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What can be told from the headers alone, before any of the body is read: <see cref="InteractionSignatureResult.Valid"/>
    /// here means a public key is configured and both headers are well formed.
    /// </summary>
    public static InteractionSignatureResult CheckHeaders(string? publicKeyHex, string? signatureHex, string? timestamp) =>
        CheckHeaders(publicKeyHex, signatureHex, timestamp, out _, out _, out _);

    public InteractionSignatureResult Verify(string? publicKeyHex, string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        var headers = CheckHeaders(publicKeyHex, signatureHex, timestamp, out var publicKey, out var signature, out var unixSeconds);
        if (headers != InteractionSignatureResult.Valid)
        {
            return headers;
        }

        var message = new byte[Encoding.ASCII.GetByteCount(timestamp!) + body.Length];
        var prefix = Encoding.ASCII.GetBytes(timestamp!, message);
        body.CopyTo(message.AsSpan(prefix));
        if (!IsValid(publicKey, message, signature))
        {
            return InteractionSignatureResult.Mismatch;
        }

        // Checked after the signature, so that an unsigned request never learns whether its clock was right.
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unixSeconds, 0, 253402300799));
        return (time.GetUtcNow() - signedAt).Duration() > ReplayWindow ? InteractionSignatureResult.Stale : InteractionSignatureResult.Valid;
    }

    private static InteractionSignatureResult CheckHeaders(
        string? publicKeyHex, string? signatureHex, string? timestamp, out byte[] publicKey, out byte[] signature, out long unixSeconds)
    {
        (signature, unixSeconds) = ([], 0);
        if (string.IsNullOrEmpty(publicKeyHex) || !TryParseHex(publicKeyHex, Ed25519.PublicKeySize, out publicKey))
        {
            publicKey = [];
            return InteractionSignatureResult.MissingPublicKey;
        }

        if (string.IsNullOrEmpty(signatureHex))
        {
            return InteractionSignatureResult.MissingSignature;
        }

        if (string.IsNullOrEmpty(timestamp))
        {
            return InteractionSignatureResult.MissingTimestamp;
        }

        return TryParseHex(signatureHex, Ed25519.SignatureSize, out signature)
            && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds)
            ? InteractionSignatureResult.Valid
            : InteractionSignatureResult.Malformed;
    }

    /// <summary>Plain RFC 8032 Ed25519 verification of <paramref name="message"/>.</summary>
    public static bool IsValid(byte[] publicKey, byte[] message, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signature);
        if (publicKey.Length != Ed25519.PublicKeySize || signature.Length != Ed25519.SignatureSize)
        {
            return false;
        }

        try
        {
            return Ed25519.Verify(signature, 0, publicKey, 0, message, 0, message.Length);
        }
        catch (ArgumentException)
        {
            return false; // a key that is not a curve point
        }
    }

    public static bool TryParseHex(string hex, int byteCount, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != byteCount * 2)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
