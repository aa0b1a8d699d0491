using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ActionBot.GitHub.Webhooks;

public enum WebhookSignatureResult
{
    Valid,
    MissingSecret,
    MissingSignature,
    MalformedSignature,
    Mismatch,
}

/// <summary>
/// Checks <c>X-Hub-Signature-256</c>: <c>sha256=</c> followed by the hex HMAC-SHA256 of the raw body,
/// keyed with the webhook secret. The header is checked first, before the body is read; the HMAC then runs over the
/// body's pieces as they lie in pooled buffers. Compares in constant time.
/// </summary>
public static class WebhookSignatureValidator
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int HashBytes = 32;
    private const int StackKeyLimit = 256;

    /// <summary>
    /// What can be told from the header alone, before any of the body is read: <see cref="WebhookSignatureResult.Valid"/>
    /// here means a secret is configured and the header is well formed (<c>sha256=</c> and 64 hex digits).
    /// </summary>
    public static WebhookSignatureResult CheckHeader(string? signatureHeader, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return WebhookSignatureResult.MissingSecret;
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookSignatureResult.MissingSignature;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        return TryDecode(signatureHeader, expected) ? WebhookSignatureResult.Valid : WebhookSignatureResult.MalformedSignature;
    }

    public static WebhookSignatureResult Validate(ReadOnlyMemory<byte> body, string? signatureHeader, string? secret) =>
        Validate([body], signatureHeader, secret);

    /// <summary>Checks the signature over a body held in pieces (pooled buffers), in order, without joining them.</summary>
    public static WebhookSignatureResult Validate(IEnumerable<ReadOnlyMemory<byte>> body, string? signatureHeader, string? secret)
    {
        ArgumentNullException.ThrowIfNull(body);
        var header = CheckHeader(signatureHeader, secret);
        if (header != WebhookSignatureResult.Valid)
        {
            return header;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        TryDecode(signatureHeader!, expected);
        Span<byte> actual = stackalloc byte[HashBytes];
        ComputeHash(body, secret!, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected)
            ? WebhookSignatureResult.Valid
            : WebhookSignatureResult.Mismatch;
    }

    private static bool TryDecode(string header, Span<byte> destination)
    {
        var hex = header.AsSpan();
        if (!hex.StartsWith(Prefix, StringComparison.Ordinal) || hex.Length != Prefix.Length + (HashBytes * 2))
        {
            return false;
        }

        // FromHexString accepts either case and refuses anything that is not a hex digit.
        return Convert.FromHexString(hex[Prefix.Length..], destination, out _, out var written) == OperationStatus.Done
            && written == HashBytes;
    }

    private static void ComputeHash(IEnumerable<ReadOnlyMemory<byte>> body, string secret, Span<byte> destination)
    {
        var maxKeyBytes = Encoding.UTF8.GetMaxByteCount(secret.Length);
        byte[]? rented = null;
        var keyBuffer = maxKeyBytes <= StackKeyLimit
            ? stackalloc byte[StackKeyLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxKeyBytes));
        try
        {
            var key = keyBuffer[..Encoding.UTF8.GetBytes(secret, keyBuffer)];
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            foreach (var piece in body)
            {
                hmac.AppendData(piece.Span);
            }

            hmac.GetHashAndReset(destination);
        }
        finally
        {
            // The key is the webhook secret: wipe it before the memory goes back to the stack or the pool.
            CryptographicOperations.ZeroMemory(keyBuffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
