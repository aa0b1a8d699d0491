using System.Text;
using ActionBot.GitHub.Webhooks;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.GitHub.Tests.Webhooks;

public sealed class WebhookEnvelopeTests
{
    [Fact]
    public void PullRequestPayload_GivesActionAndRepository()
    {
        var body = new PullRequestEventBuilder().InRepository("acme/payments").WithAction("closed").Build();

        Assert.True(WebhookEnvelope.TryRead(body, out var envelope));
        Assert.Equal(new WebhookEnvelope("closed", "acme/payments"), envelope);
    }

    [Fact]
    public void PushPayload_HasNoAction()
    {
        var body = new PushEventBuilder().InRepository("acme/payments").WithCommit(added: ["postmortems/a.md"]).Build();

        Assert.True(WebhookEnvelope.TryRead(body, out var envelope));
        Assert.Equal(new WebhookEnvelope(null, "acme/payments"), envelope);
    }

    [Theory]
    [InlineData("""{"pull_request":{"action":"nested","repository":{"full_name":"nested/repo"}},"action":"opened","repository":{"full_name":"acme/top"}}""", "opened", "acme/top")]
    [InlineData("""{"repository":{"owner":{"full_name":"not/this"},"full_name":"acme/x"}}""", null, "acme/x")]
    [InlineData("""{"action":42,"repository":"acme/x"}""", null, null)]
    [InlineData("""{"act\u0069on":"escaped","repository":{"full_name":"acme/esc"}}""", "escaped", "acme/esc")]
    [InlineData("""{}""", null, null)]
    public void OnlyTopLevelFields_AreRead(string json, string? action, string? repository)
    {
        Assert.True(WebhookEnvelope.TryRead(Encoding.UTF8.GetBytes(json), out var envelope));
        Assert.Equal(new WebhookEnvelope(action, repository), envelope);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("payload=%7B%7D")]
    [InlineData("""{"action":"closed" """)]
    [InlineData("""{"action":"closed"}}""")]
    [InlineData("""{"action":"closed"} trailing""")]
    [InlineData("""[{"action":"closed"}]""")]
    [InlineData("\"just a string\"")]
    [InlineData("""{"a":1,}""")]
    [InlineData("""{/* comment */"a":1}""")]
    public void NotAJsonObject_IsRefused(string text)
    {
        Assert.False(WebhookEnvelope.TryRead(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void InvalidUtf8InAction_IsRefused()
    {
        byte[] json = [.. "{\"action\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.False(WebhookEnvelope.TryRead(json, out _));
    }
}
