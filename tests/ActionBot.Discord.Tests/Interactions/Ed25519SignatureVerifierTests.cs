using System.Text;
using ActionBot.Discord.Interactions;
using ActionBot.Testing;
using ActionBot.Testing.Discord;

namespace ActionBot.Discord.Tests.Interactions;

public sealed class Ed25519SignatureVerifierTests
{
    private static readonly FakeTimeProvider Clock = new();
    private static readonly DiscordInteractionSigner Signer = new();
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":1}");
    private readonly Ed25519SignatureVerifier _verifier = new(Clock);

    private static string Now => Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    // RFC 8032 section 7.1, TEST 1, 2 and 3: public key, message, signature.
    [Theory]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")]
    [InlineData("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]
    [InlineData("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82", "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a")]
    public void Rfc_8032_test_vectors_verify_and_a_flipped_bit_does_not(string publicKey, string message, string signature)
    {
        var key = Convert.FromHexString(publicKey);
        var text = Convert.FromHexString(message);
        var sig = Convert.FromHexString(signature);

        Assert.True(Ed25519SignatureVerifier.IsValid(key, text, sig));
        var flipped = (byte[])sig.Clone();
        flipped[17] ^= 0x01;
        Assert.False(Ed25519SignatureVerifier.IsValid(key, text, flipped));
        if (text.Length > 0)
        {
            var changed = (byte[])text.Clone();
            changed[0] ^= 0x80;
            Assert.False(Ed25519SignatureVerifier.IsValid(key, changed, sig));
        }
    }

    [Fact]
    public void A_request_signed_like_discord_is_valid()
    {
        var timestamp = Now;

        var result = _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(Signer.Sign(timestamp, Body)), timestamp, Body);

        Assert.Equal(InteractionSignatureResult.Valid, result);
    }

    [Fact]
    public void A_flipped_bit_in_body_signature_or_timestamp_is_a_mismatch()
    {
        var timestamp = Now;
        var signature = Signer.Sign(timestamp, Body);
        var body = (byte[])Body.Clone();
        body[3] ^= 0x01;
        var badSignature = (byte[])signature.Clone();
        badSignature[40] ^= 0x01;
        var otherTimestamp = (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) ^ 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(InteractionSignatureResult.Mismatch, _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(signature), timestamp, body));
        Assert.Equal(InteractionSignatureResult.Mismatch, _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(badSignature), timestamp, Body));
        Assert.Equal(InteractionSignatureResult.Mismatch, _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(signature), otherTimestamp, Body));
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_away_is_refused_as_a_replay()
    {
        var old = Clock.GetUtcNow().AddMinutes(-5).AddSeconds(-1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var edge = Clock.GetUtcNow().AddMinutes(-5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var future = Clock.GetUtcNow().AddMinutes(6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(InteractionSignatureResult.Stale, _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(Signer.Sign(old, Body)), old, Body));
        Assert.Equal(InteractionSignatureResult.Valid, _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(Signer.Sign(edge, Body)), edge, Body));
        Assert.Equal(InteractionSignatureResult.Stale, _verifier.Verify(Signer.PublicKeyHex, Convert.ToHexStringLower(Signer.Sign(future, Body)), future, Body));
    }

    [Theory]
    [InlineData(null, "sig", "1", InteractionSignatureResult.MissingPublicKey)]
    [InlineData("key", null, "1", InteractionSignatureResult.MissingSignature)]
    [InlineData("key", "sig", null, InteractionSignatureResult.MissingTimestamp)]
    [InlineData("key", "not-hex", "1", InteractionSignatureResult.Malformed)]
    [InlineData("key", "sig", "yesterday", InteractionSignatureResult.Malformed)]
    public void Missing_or_malformed_parts_are_refused(string? publicKey, string? signature, string? timestamp, InteractionSignatureResult expected)
    {
        var key = publicKey is null ? null : Signer.PublicKeyHex;
        var sig = signature == "sig" ? Convert.ToHexStringLower(Signer.Sign(Now, Body)) : signature;

        Assert.Equal(expected, _verifier.Verify(key, sig, timestamp, Body));
    }
}
