using System.Buffers;
using System.Security.Cryptography;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>A stable id of an entry: the same words give the same id on any machine, in any run.</summary>
public static class ItemFingerprint
{
    // What an ASCII character contributes to the normalized words: itself lower-cased, or 0 for a separator.
    private static readonly byte[] AsciiWordBytes = BuildAsciiWordBytes();

    [ThreadStatic]
    private static IncrementalHash? _hasher;

    /// <summary>
    /// The first 8 bytes of SHA-256 over the entry's words in UTF-8: lower-case letters and digits, single spaces
    /// between words (the same normalization as section labels, so punctuation and case do not matter).
    /// </summary>
    public static string Of(string text)
    {
        // A char is at most 3 UTF-8 bytes here (surrogates are separators), plus one space before it.
        var bytes = ArrayPool<byte>.Shared.Rent((text.Length * 4) + 1);
        try
        {
            var count = NormalizedUtf8(text, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            // One hasher per thread, reset after each use: the one-shot API sets up a new native context for every entry.
            var hasher = _hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hasher.AppendData(bytes.AsSpan(0, count));
            hasher.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash[..8]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Normalizes and encodes in one pass (entries are mostly ASCII, read through a table): the same bytes as
    // UTF-8 of the normalized string, without building it.
    private static int NormalizedUtf8(string text, byte[] output)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            var ascii = c < 128 ? AsciiWordBytes[c] : (byte)0;
            if (ascii == 0 && (c < 128 || !char.IsLetterOrDigit(c)))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                output[length++] = (byte)' ';
                pendingSpace = false;
            }

            if (ascii != 0)
            {
                output[length++] = ascii;
                continue;
            }

            // A letter or digit outside ASCII is never a surrogate: its lower case is one UTF-8 sequence of one byte
            // ('İ' and the Kelvin sign lower to ASCII), two or three.
            var lower = char.ToLowerInvariant(c);
            if (lower < 0x80)
            {
                output[length++] = (byte)lower;
                continue;
            }

            if (lower < 0x800)
            {
                output[length++] = (byte)(0xC0 | (lower >> 6));
            }
            else
            {
                output[length++] = (byte)(0xE0 | (lower >> 12));
                output[length++] = (byte)(0x80 | ((lower >> 6) & 0x3F));
            }

            output[length++] = (byte)(0x80 | (lower & 0x3F));
        }

        return length;
    }

    private static byte[] BuildAsciiWordBytes()
    {
        var table = new byte[128];
        for (var c = '0'; c <= '9'; c++)
        {
            table[c] = (byte)c;
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = (byte)c;
            table[char.ToUpperInvariant(c)] = (byte)c;
        }

        return table;
    }
}
