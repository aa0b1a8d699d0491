using System.ComponentModel.DataAnnotations;

namespace ActionBot.Discord;

/// <summary>Settings of the Discord adapter, bound from <c>ActionBot:Discord</c>.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "ActionBot:Discord";

    /// <summary>REST API root (a test server in tests).</summary>
    [Required(ErrorMessage = "ActionBot:Discord:ApiBaseUrl is required.")]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex digits (Developer Portal, General Information).</summary>
    public string? PublicKey { get; set; }

    public string? BotToken { get; set; }

    /// <summary>Commands are registered in this guild (at once) when set, else globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>Channel for announcements and digests of repositories without a channel of their own.</summary>
    public string? DefaultChannelId { get; set; }

    /// <summary>Discord user id → GitHub login, for people who have not used <c>/postmortem link</c>.</summary>
    public IDictionary<string, string> UserLinks { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long a command may work before its answer is deferred (Discord allows three seconds in all).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.500", ErrorMessage = "ActionBot:Discord:AnswerBudget must be between 00:00:00 and 00:00:02.500.")]
    public TimeSpan AnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of one REST call after a 5xx, a time-out or a 429.</summary>
    [Range(0, 10, ErrorMessage = "ActionBot:Discord:MaxRetryAttempts must be between 0 and 10.")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off after a failure; later ones (in the client and in the outbox) grow exponentially.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "ActionBot:Discord:RetryBaseDelay must be between 00:00:00 and 00:05:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time limit of one REST attempt (zero: none).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "ActionBot:Discord:RequestTimeout must be between 00:00:00 and 00:05:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait for a rate limit; a longer one leaves the message in the outbox for later.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "ActionBot:Discord:MaxRateLimitWait must be between 00:00:00 and 01:00:00.")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the outbox is looked at when nothing new was enqueued.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "ActionBot:Discord:OutboxPollInterval must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
