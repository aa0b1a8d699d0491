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
}
