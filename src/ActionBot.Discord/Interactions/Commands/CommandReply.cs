using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ActionBot.Discord.Api;
using ActionBot.Discord.Messages;

namespace ActionBot.Discord.Interactions.Commands;

/// <summary>
/// A command's answer: its pages (the first answers the interaction, the rest are follow-ups). Whatever a command
/// builds, the answer keeps to Discord's limits for interaction messages: at most <see cref="MaxPages"/> pages, each
/// with non-empty content of at most <see cref="MaxContentLength"/> characters (a longer page is cut, an empty one
/// would be refused with 50006).
/// </summary>
public sealed record CommandReply(IReadOnlyList<string> Pages, bool Ephemeral, AllowedMentions Mentions)
{
    /// <summary>Discord's limit on a message's content.</summary>
    public const int MaxContentLength = MessageSplitter.MaxContentLength;

    /// <summary>The answer and four follow-ups: more would flood the channel (listings say "… and N more" instead).</summary>
    public const int MaxPages = 5;

    public IReadOnlyList<string> Pages { get; } = Fit(Pages);

    /// <summary>Seen by the caller only (personal answers, refusals, errors); pings nobody.</summary>
    public static CommandReply Private(string text) => new([text], true, AllowedMentions.None);

    public static CommandReply Private(IReadOnlyList<string> pages) => new(pages, true, AllowedMentions.None);

    /// <summary>Seen by the channel; pings nobody.</summary>
    public static CommandReply Public(IReadOnlyList<string> pages) => new(pages, false, AllowedMentions.None);

    private static string[] Fit(IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var fitted = pages.Take(MaxPages).Select(page => string.IsNullOrWhiteSpace(page) ? "…" : MessageSplitter.Shorten(page, MaxContentLength)).ToArray();
        return fitted.Length == 0 ? ["…"] : fitted;
    }
}

/// <summary>One <c>/postmortem</c> subcommand as invoked: who, where, and the options given.</summary>
public sealed record CommandRequest(Interaction Interaction, string Subcommand, IReadOnlyDictionary<string, JsonElement> Options)
{
    /// <summary>Discord's MANAGE_GUILD permission bit ("Manage Server").</summary>
    private static readonly BigInteger ManageGuild = BigInteger.One << 5;

    public string CallerId => Interaction.Caller?.Id ?? throw new InvalidOperationException("The interaction names no user.");

    /// <summary>True when the caller has Manage Server where the command was used (<c>member.permissions</c>).</summary>
    public bool CallerCanManageServer =>
        Interaction.Member?.Permissions is { } bits
        && BigInteger.TryParse(bits, NumberStyles.None, CultureInfo.InvariantCulture, out var permissions)
        && (permissions & ManageGuild) != BigInteger.Zero;

    public string? Text(string name) =>
        Options.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text.Trim() : null;

    public long? Number(string name) =>
        Options.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}

/// <summary>A <c>/postmortem</c> subcommand: its definition for registration and its handler.</summary>
public interface IPostmortemSubcommand
{
    ApplicationCommandOption Definition { get; }

    /// <summary>Answers only the caller sees (the deferral must say so before the answer is ready).</summary>
    bool Personal { get; }

    Task<CommandReply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
