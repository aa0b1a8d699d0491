using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActionBot.Testing.Discord;

/// <summary>Builds interaction bodies in Discord's shape: a PING, or <c>/postmortem &lt;subcommand&gt;</c> from a guild member.</summary>
public sealed class InteractionBuilder
{
    public const string DefaultUserId = "900000000000000001";
    public const string DefaultGuildId = "910000000000000001";
    public const string DefaultChannelId = "920000000000000001";

    private static int _next;
    private readonly JsonArray _options = [];
    private int _type = 2;
    private string _subcommand = "tasks";
    private string _userId = DefaultUserId;
    private string _permissions = "0";
    private string _channelId = DefaultChannelId;

    public string Token { get; } = $"interaction-token-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}";

    public string Id { get; } = (930000000000000000L + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string ApplicationId { get; set; } = FakeDiscordServer.ApplicationId;

    public static InteractionBuilder Ping() => new() { _type = 1 };

    public static InteractionBuilder Command(string subcommand) => new() { _subcommand = subcommand };

    public InteractionBuilder With(string name, string value)
    {
        _options.Add(new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = value });
        return this;
    }

    public InteractionBuilder With(string name, long value)
    {
        _options.Add(new JsonObject { ["name"] = name, ["type"] = 4, ["value"] = value });
        return this;
    }

    public InteractionBuilder From(string userId)
    {
        _userId = userId;
        return this;
    }

    /// <summary>The caller has Manage Server (bit 5) among other permissions.</summary>
    public InteractionBuilder WithManageServer()
    {
        _permissions = ((1L << 5) | (1L << 10) | (1L << 11)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    public InteractionBuilder InChannel(string channelId)
    {
        _channelId = channelId;
        return this;
    }

    public byte[] Build()
    {
        var interaction = new JsonObject
        {
            ["id"] = Id,
            ["application_id"] = ApplicationId,
            ["type"] = _type,
            ["token"] = Token,
            ["version"] = 1,
        };
        if (_type == 2)
        {
            interaction["guild_id"] = DefaultGuildId;
            interaction["channel_id"] = _channelId;
            interaction["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = _userId, ["username"] = "user" + _userId[^4..] },
                ["permissions"] = _permissions,
            };
            interaction["data"] = new JsonObject
            {
                ["id"] = "940000000000000001",
                ["name"] = "postmortem",
                ["type"] = 1,
                ["options"] = new JsonArray(new JsonObject { ["name"] = _subcommand, ["type"] = 1, ["options"] = _options.DeepClone() }),
            };
        }

        return JsonSerializer.SerializeToUtf8Bytes(interaction);
    }
}
