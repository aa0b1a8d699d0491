using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>A stable id of an entry: the same words give the same id on any machine, in any run.</summary>
public static class ItemFingerprint
{
    /// <summary>
    /// The first 8 bytes of SHA-256 over the entry's words: lower-case letters and digits, single spaces
    /// between words (the same normalization as section labels, so punctuation and case do not matter).
    /// </summary>
    public static string Of(string text)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Normalize(text, chars);
            var count = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            // One hasher per thread, reset after each use: the one-shot API sets up a new native context for every entry.
            var hasher = _hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hasher.AppendData(bytes.AsSpan(0, count));
            hasher.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    [ThreadStatic]
    private static IncrementalHash? _hasher;

    private static int Normalize(string text, Span<char> output)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                output[length++] = ' ';
                pendingSpace = false;
            }

            output[length++] = char.ToLowerInvariant(c);
        }

        return length;
    }
}
