using System.Security.Cryptography;
using System.Text;

namespace ActionBot.Core.Extraction.Fields;

/// <summary>A stable id of an entry: the same words give the same id on any machine, in any run.</summary>
public static class ItemFingerprint
{
    public static string Of(string text)
    {
        var normalized = Sections.SectionVocabulary.Normalize(text).Trim();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(normalized));
        return Convert.ToHexStringLower(hash, 0, 8);
    }
}
