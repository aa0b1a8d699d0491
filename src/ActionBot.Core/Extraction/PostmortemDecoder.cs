using System.Text;
using ActionBot.Core.Extraction.Text;

namespace ActionBot.Core.Extraction;

/// <summary>Turns the bytes of a postmortem file into text, or says clearly why it cannot.</summary>
public static class PostmortemDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PostmortemText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > PostmortemText.MaxBytes)
        {
            return PostmortemText.Unreadable($"file is larger than {PostmortemText.MaxBytes / (1024 * 1024)} MB ({bytes.Length:N0} bytes)");
        }

        var text = DecodeText(bytes);
        if (text is null)
        {
            return PostmortemText.Unreadable("binary file (contains NUL bytes), not Markdown text");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return PostmortemText.Unreadable("empty file");
        }

        return PostmortemText.Ok(MojibakeRepair.Repair(text));
    }

    private static string? DecodeText(ReadOnlySpan<byte> bytes)
    {
        // UTF-16 files carry NULs in every ASCII character, so their BOM must be honoured before the binary check.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: a legacy single-byte file. Latin-1 keeps every byte readable.
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
