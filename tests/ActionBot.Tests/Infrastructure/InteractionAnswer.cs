using System.Net;
using System.Text.Json;
using ActionBot.Testing.Discord;

namespace ActionBot.Tests.Infrastructure;

/// <summary>The bot's immediate answer to a slash command: its response type, text, and whether only the caller sees it.</summary>
internal sealed record InteractionAnswer(int Type, string Content, bool Ephemeral)
{
    private const int EphemeralFlag = 64;

    /// <summary>Posts <paramref name="interaction"/> signed like Discord and reads the answer, which always says whom it may ping.</summary>
    public static async Task<InteractionAnswer> AskAsync(ActionBotApplication app, InteractionBuilder interaction)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var response = await app.PostInteractionAsync(interaction);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var data = root.GetProperty("data");
        var flags = data.TryGetProperty("flags", out var f) ? f.GetInt32() : 0;
        Assert.Equal(JsonValueKind.Array, data.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        return new InteractionAnswer(root.GetProperty("type").GetInt32(), data.GetProperty("content").GetString() ?? "", (flags & EphemeralFlag) != 0);
    }
}
