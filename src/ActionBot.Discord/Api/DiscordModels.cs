using System.Text.Json;

namespace ActionBot.Discord.Api;

/// <summary>
/// Who a message may ping. <see cref="Parse"/> is always empty: mentions written in the text (an <c>@everyone</c>
/// inside a postmortem, a role) ping nobody; only the ids in <see cref="Users"/> are pinged.
/// </summary>
public sealed record AllowedMentions
{
    private AllowedMentions(IReadOnlyList<string> users) => Users = users;

    /// <summary>Pings no one.</summary>
    public static AllowedMentions None { get; } = new([]);

    public IReadOnlyList<string> Parse { get; init; } = [];

    public IReadOnlyList<string> Users { get; }

    /// <summary>Pings exactly these users (Discord accepts at most 100).</summary>
    public static AllowedMentions OnlyUsers(IEnumerable<string> userIds) => new([.. userIds.Where(Snowflake.IsValid).Distinct(StringComparer.Ordinal).Take(100)]);
}

/// <summary>The body of a new message (channel message, follow-up or edit).</summary>
public sealed record MessageRequest(string Content)
{
    public AllowedMentions? AllowedMentions { get; init; }

    /// <summary>With <see cref="EnforceNonce"/>, Discord answers a repeat of the same nonce with the first message.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>64: ephemeral (interaction answers only).</summary>
    public int? Flags { get; init; }
}

public sealed record DiscordMessage(string Id, string ChannelId, string? Content);

public sealed record DmChannelRequest(string RecipientId);

public sealed record DiscordChannel(string Id, int Type);

/// <summary>Discord's error body: a message, a JSON error code, and for 429 the wait in seconds.</summary>
public sealed record DiscordErrorBody(string? Message, int? Code, double? RetryAfter, bool? Global);

/// <summary>An application command as registered (<c>PUT .../commands</c>).</summary>
public sealed record ApplicationCommand(string Name, string Description)
{
    public string? Id { get; init; }

    public int Type { get; init; } = 1;

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    /// <summary>Whether the command may be used in DMs with the bot.</summary>
    public bool? DmPermission { get; init; }
}

public sealed record ApplicationCommandOption(ApplicationCommandOptionType Type, string Name, string Description)
{
    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    public int? MaxLength { get; init; }
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    // Discord's names for these types.
#pragma warning disable CA1720 // Identifier contains type name
    String = 3,
    Integer = 4,
    Boolean = 5,
#pragma warning restore CA1720
    User = 6,
}

/// <summary>An interaction as Discord posts it to the endpoint (the fields the bot reads).</summary>
public sealed record Interaction(string Id, string ApplicationId, InteractionType Type, string Token)
{
    public InteractionData? Data { get; init; }

    public string? GuildId { get; init; }

    public string? ChannelId { get; init; }

    /// <summary>The invoking member, in a guild.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>The invoking user, in a DM.</summary>
    public DiscordUser? User { get; init; }

    public DiscordUser? Caller => Member?.User ?? User;
}

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

public sealed record InteractionData(string Name)
{
    public string? Id { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }
}

public sealed record InteractionOption(string Name, ApplicationCommandOptionType Type)
{
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionOption>? Options { get; init; }
}

public sealed record GuildMember
{
    public DiscordUser? User { get; init; }

    /// <summary>The member's permissions in the channel, as a decimal bit set.</summary>
    public string? Permissions { get; init; }
}

public sealed record DiscordUser(string Id)
{
    public string? Username { get; init; }
}

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
}

public sealed record InteractionResponse(InteractionCallbackType Type)
{
    public MessageRequest? Data { get; init; }
}
