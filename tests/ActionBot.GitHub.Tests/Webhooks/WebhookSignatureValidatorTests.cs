using System.Text;
using ActionBot.GitHub.Webhooks;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.GitHub.Tests.Webhooks;

public sealed class WebhookSignatureValidatorTests
{
    private const string Secret = "It's a Secret to Everybody";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    [Fact]
    public void GitHubsDocumentedExample_IsValid()
    {
        // The worked example from GitHub's "Validating webhook deliveries" page.
        const string Header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignatureValidator.Validate(Body, Header, Secret));
    }

    public static TheoryData<string, string?, string?, WebhookSignatureResult> TruthTable()
    {
        var signed = GitHubWebhookSigner.Sign(Body, Secret);
        var flippedBody = (byte[])Body.Clone();
        flippedBody[3] ^= 0x01;
        return new()
        {
            { "valid", signed, Secret, WebhookSignatureResult.Valid },
            { "uppercase hex", "sha256=" + signed["sha256=".Length..].ToUpperInvariant(), Secret, WebhookSignatureResult.Valid },
            { "wrong secret", signed, Secret + "!", WebhookSignatureResult.Mismatch },
            { "flipped body byte", GitHubWebhookSigner.Sign(flippedBody, Secret), Secret, WebhookSignatureResult.Mismatch },
            { "missing header", null, Secret, WebhookSignatureResult.MissingSignature },
            { "empty header", "", Secret, WebhookSignatureResult.MissingSignature },
            { "sha1 prefix", "sha1=" + signed["sha256=".Length..], Secret, WebhookSignatureResult.MalformedSignature },
            { "uppercase prefix", "SHA256=" + signed["sha256=".Length..], Secret, WebhookSignatureResult.MalformedSignature },
            { "no prefix", signed["sha256=".Length..], Secret, WebhookSignatureResult.MalformedSignature },
            { "hex one short", signed[..^1], Secret, WebhookSignatureResult.MalformedSignature },
            { "hex one long", signed + "0", Secret, WebhookSignatureResult.MalformedSignature },
            { "not hex", "sha256=" + new string('g', 64), Secret, WebhookSignatureResult.MalformedSignature },
            { "padded with spaces", " " + signed, Secret, WebhookSignatureResult.MalformedSignature },
            { "empty secret", signed, "", WebhookSignatureResult.MissingSecret },
            { "no secret", signed, null, WebhookSignatureResult.MissingSecret },
            { "no secret and no header", null, null, WebhookSignatureResult.MissingSecret },
        };
    }

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void Validate_FollowsTheTruthTable(string @case, string? header, string? secret, WebhookSignatureResult expected)
    {
        Assert.True(expected == WebhookSignatureValidator.Validate(Body, header, secret), @case);
    }

    [Fact]
    public void EmptyBody_IsSignedLikeAnyOther()
    {
        var header = GitHubWebhookSigner.Sign([], Secret);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignatureValidator.Validate([], header, Secret));
    }

    [Fact]
    public void LongNonAsciiSecret_IsKeyedByItsUtf8Bytes()
    {
        var secret = string.Concat(Enumerable.Repeat("clé-секрет-🔑", 40));
        var header = GitHubWebhookSigner.Sign(Body, secret);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignatureValidator.Validate(Body, header, secret));
        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignatureValidator.Validate(Body, header, secret[..^1]));
    }

    [Fact]
    public void LargeBody_AtTheCap_Validates()
    {
        var body = new byte[GitHubWebhookEndpoint.MaxBodyBytes];
        body[^1] = (byte)'}';

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignatureValidator.Validate(body, GitHubWebhookSigner.Sign(body, Secret), Secret));
    }

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void CheckHeader_AgreesWithValidate_OnEverythingTheBodyDoesNotDecide(string @case, string? header, string? secret, WebhookSignatureResult expected)
    {
        var fromHeader = expected == WebhookSignatureResult.Mismatch ? WebhookSignatureResult.Valid : expected;

        Assert.True(fromHeader == WebhookSignatureValidator.CheckHeader(header, secret), @case);
    }

    [Fact]
    public void BodyInPieces_IsCheckedAsTheWholeInOrder()
    {
        var header = GitHubWebhookSigner.Sign(Body, Secret);

        Assert.Equal(WebhookSignatureResult.Valid, WebhookSignatureValidator.Validate([Body.AsMemory(0, 5), Body.AsMemory(5)], header, Secret));
        Assert.Equal(WebhookSignatureResult.Mismatch, WebhookSignatureValidator.Validate([Body.AsMemory(5), Body.AsMemory(0, 5)], header, Secret));
    }
}
