using System.Globalization;
using ActionBot.Testing;
using ActionBot.Tests.Infrastructure;

namespace ActionBot.Tests.Integration;

/// <summary>The interactions endpoint refuses a request without Discord's signature headers before reading its body.</summary>
public sealed class DiscordInteractionSenderTests : IntegrationTest
{
    public DiscordInteractionSenderTests() => UsesDiscord = true;

    [Theory]
    [InlineData(null, null)]
    [InlineData("not-hex", "1741000000")]
    [InlineData("00", "yesterday")]
    public async Task An_interaction_without_well_formed_signature_headers_is_refused_before_its_body_is_sent(string? signature, string? timestamp)
    {
        var app = await StartBotAsync();
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/json"),
            new("Content-Length", (1024 * 1024).ToString(CultureInfo.InvariantCulture)),
        };
        if (signature is not null)
        {
            headers.Add(new("X-Signature-Ed25519", signature == "00" ? new string('0', 128) : signature));
            headers.Add(new("X-Signature-Timestamp", timestamp!));
        }

        // The body never comes: the answer must come from the headers alone.
        using var connection = await RawHttpConnection.PostAsync(app.Client.BaseAddress!, "/interactions/discord", headers);

        Assert.Equal(401, await connection.StatusAsync.WaitAsync(ActionBotApplication.WaitLimit));
        app.AssertLogsAreClean();
    }
}
