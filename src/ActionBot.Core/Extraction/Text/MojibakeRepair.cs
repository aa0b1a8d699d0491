using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ActionBot.Core.Extraction.Text;

/// <summary>
/// Undoes UTF-8 that was decoded as Windows-1252 somewhere on the way ("makeoverâ€”" becomes "makeover—").
/// </summary>
/// <remarks>
/// Only runs of characters that map back to bytes forming one valid UTF-8 multi-byte sequence are
/// replaced, so genuine Latin-1 text ("café") is left alone. One pass, linear in the input.
/// </remarks>
public static class MojibakeRepair
{
    // Windows-1252 bytes 0x80–0x9F as the characters a decoder turns them into. Unassigned bytes
    // (0x81, 0x8D, 0x8F, 0x90, 0x9D) surface as the matching C1 control characters.
    private const string HighControlRange =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!LooksDamaged(text))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        var i = 0;
        while (i < text.Length)
        {
            var length = SequenceLength(text[i]);
            if (length > 1 && i + length <= text.Length && TryCollect(text, i, length, bytes) && TryDecode(bytes[..length], output))
            {
                i += length;
                continue;
            }

            output.Append(text[i]);
            i++;
        }

        return output.ToString();
    }

    // Cheap pre-check: every damaged sequence starts with a character in Â..ô.
    private static bool LooksDamaged(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u00C2' and <= '\u00F4')
            {
                return true;
            }
        }

        return false;
    }

    private static int SequenceLength(char lead) => lead switch
    {
        >= '\u00C2' and <= '\u00DF' => 2,
        >= '\u00E0' and <= '\u00EF' => 3,
        >= '\u00F0' and <= '\u00F4' => 4,
        _ => 0,
    };

    private static bool TryCollect(string text, int start, int length, Span<byte> bytes)
    {
        for (var k = 0; k < length; k++)
        {
            if (!TryGetByte(text[start + k], out var b) || (k > 0 && b is < 0x80 or > 0xBF))
            {
                return false;
            }

            bytes[k] = b;
        }

        return true;
    }

    private static bool TryGetByte(char c, out byte value)
    {
        if (c is >= '\u00A0' and <= '\u00FF')
        {
            value = (byte)c;
            return true;
        }

        var index = HighControlRange.IndexOf(c, StringComparison.Ordinal);
        value = (byte)(0x80 + index);
        return index >= 0;
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, StringBuilder output)
    {
        Span<char> chars = stackalloc char[2];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done || read != bytes.Length)
        {
            return false;
        }

        output.Append(chars[..written]);
        return true;
    }
}
