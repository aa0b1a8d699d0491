using System.Security.Cryptography;
using System.Text;
using ActionBot.Core.Extraction.Fields;

namespace ActionBot.Core.Tests.Extraction.Fields;

public sealed class ItemFingerprintTests
{
    // Ids key the issues already opened on GitHub: this value must never change between versions or machines.
    [Fact]
    public void Id_of_a_known_text_is_pinned()
    {
        Assert.Equal("2fb52afe611a2bb0", ItemFingerprint.Of("Add alerting on replication lag — by 2024-03-01 (@mlopez)!"));
    }

    [Fact]
    public void Case_punctuation_and_spacing_do_not_change_the_id()
    {
        Assert.Equal(
            ItemFingerprint.Of("Add alerting on replication lag."),
            ItemFingerprint.Of("  add ALERTING, on replication-lag "));
    }

    [Fact]
    public void Different_words_give_different_ids()
    {
        Assert.NotEqual(ItemFingerprint.Of("Add alerting on lag"), ItemFingerprint.Of("Add alerting on load"));
    }

    // The id is defined on the normalized words as a string, encoded in UTF-8; the extractor builds those bytes in one
    // pass. Texts in other scripts, with letters whose lower case is ASCII ('İ', the Kelvin sign), with emoji
    // (surrogates are separators) and digits of other scripts must give the id of the definition.
    [Theory]
    [InlineData("Überprüfen Sie die Zertifikate — bis März")]
    [InlineData("Проверить резервные копии до пятницы")]
    [InlineData("监控 数据库 复制 延迟")]
    [InlineData("İstanbul KELVIN \u212A ΣΊΣΥΦΟΣ")]
    [InlineData("✅ Rotate keys 🚀 now ٣ days")]
    [InlineData("")]
    public void Id_is_sha256_of_the_normalized_words(string text)
    {
        text = System.Text.RegularExpressions.Regex.Unescape(text);
        Assert.Equal(Definition(text), ItemFingerprint.Of(text));
    }

    private static string Definition(string text)
    {
        var words = new StringBuilder();
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = words.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                words.Append(' ');
                pendingSpace = false;
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(words.ToString()))[..8]);
    }
}
