using System.Text.Json;

namespace ActionBot.Testing.Discord;

public enum FakeDiscordMessageKind
{
    Channel,
    FollowUp,
    OriginalEdit,
}

/// <summary>A message the fake accepted, with what it was asked to ping.</summary>
public sealed record FakeDiscordMessage(
    string Id,
    FakeDiscordMessageKind Kind,
    string ChannelId,
    string Content,
    string? Nonce,
    IReadOnlyList<string>? AllowedParse,
    IReadOnlyList<string>? AllowedUsers,
    int Flags,
    string? InteractionToken,
    DateTimeOffset ReceivedAt)
{
    public bool Ephemeral => (Flags & 64) != 0;

    internal static FakeDiscordMessage From(JsonElement body, string id, FakeDiscordMessageKind kind, string channelId, string? token, DateTimeOffset at)
    {
        string? Str(string name) => body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IReadOnlyList<string>? List(string name) =>
            body.TryGetProperty("allowed_mentions", out var mentions) && mentions.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
                ? [.. list.EnumerateArray().Select(e => e.GetString() ?? "")]
                : null;
        var flags = body.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt32() : 0;
        return new FakeDiscordMessage(id, kind, channelId, Str("content") ?? "", Str("nonce"), List("parse"), List("users"), flags, token, at);
    }
}

/// <summary>One <c>PUT .../commands</c>: where (guild id, or null for global) and the command names sent.</summary>
public sealed record FakeCommandRegistration(string? GuildId, IReadOnlyList<string> Names, string Json);

/// <summary>Faults the fake injects, each into the next matching requests.</summary>
public sealed class FakeDiscordFaults
{
    private readonly Lock _sync = new();
    private readonly Queue<(string? PathContains, double RetryAfter, bool Global)> _rateLimits = new();

    /// <summary>While true every request gets <see cref="DownStatus"/>: Discord is down.</summary>
    public bool Down { get; set; }

    public int DownStatus { get; set; } = 503;

    /// <summary>The next N message creations are stored and then answered with 500, as when Discord fails after acting.</summary>
    public int FailAfterCreate { get; set; }

    /// <summary>The next request whose path contains <paramref name="pathContains"/> (any when null) gets a 429.</summary>
    public void RateLimitNext(double retryAfterSeconds, bool global = false, string? pathContains = null)
    {
        lock (_sync)
        {
            _rateLimits.Enqueue((pathContains, retryAfterSeconds, global));
        }
    }

    internal (double RetryAfter, bool Global)? TakeRateLimit(string path)
    {
        lock (_sync)
        {
            if (_rateLimits.TryPeek(out var next) && (next.PathContains is null || path.Contains(next.PathContains, StringComparison.Ordinal)))
            {
                _rateLimits.Dequeue();
                return (next.RetryAfter, next.Global);
            }

            return null;
        }
    }
}
