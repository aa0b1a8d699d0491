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
/// keyed with the webhook secret. Compares in constant time and allocates nothing for ordinary secrets.
/// </summary>
public static class WebhookSignatureValidator
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";
    private const int HashBytes = 32;
    private const int StackKeyLimit = 256;

    public static WebhookSignatureResult Validate(ReadOnlySpan<byte> body, string? signatureHeader, string? secret)
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
        if (!TryDecode(signatureHeader, expected))
        {
            return WebhookSignatureResult.MalformedSignature;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        ComputeHash(body, secret, actual);
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

    private static void ComputeHash(ReadOnlySpan<byte> body, string secret, Span<byte> destination)
    {
        var maxKeyBytes = Encoding.UTF8.GetMaxByteCount(secret.Length);
        byte[]? rented = null;
        var keyBuffer = maxKeyBytes <= StackKeyLimit
            ? stackalloc byte[StackKeyLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxKeyBytes));
        try
        {
            var key = keyBuffer[..Encoding.UTF8.GetBytes(secret, keyBuffer)];
            HMACSHA256.HashData(key, body, destination);
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
