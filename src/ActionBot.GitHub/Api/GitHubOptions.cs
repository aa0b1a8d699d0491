using System.ComponentModel.DataAnnotations;

namespace ActionBot.GitHub.Api;

/// <summary>Settings of the GitHub adapter, bound from <c>ActionBot:GitHub</c>.</summary>
public sealed class GitHubOptions
{
    public const string SectionName = "ActionBot:GitHub";

    /// <summary>REST API root: api.github.com, a GitHub Enterprise <c>/api/v3/</c> root, or a test server.</summary>
    [Required(ErrorMessage = "ActionBot:GitHub:ApiBaseUrl is required.")]
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>Personal access or installation token; the alternative to the App settings.</summary>
    public string? Token { get; set; }

    /// <summary>The GitHub App's id (or client id), the JWT issuer.</summary>
    public string? AppId { get; set; }

    /// <summary>Path of the App's private key PEM file.</summary>
    public string? PrivateKeyPath { get; set; }

    public long? InstallationId { get; set; }

    /// <summary>Webhook secret; without it the webhook endpoint answers 503.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Gap between content-creating requests (GitHub's advice against secondary rate limits).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "ActionBot:GitHub:MinimumWriteInterval must be between 00:00:00 and 00:01:00.")]
    public TimeSpan MinimumWriteInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after a transient failure (reads, and writes that cannot duplicate), and separately after a rate limit.</summary>
    [Range(0, 10, ErrorMessage = "ActionBot:GitHub:MaxRetryAttempts must be between 0 and 10.")]
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First back-off delay after a transient failure; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "ActionBot:GitHub:RetryBaseDelay must be between 00:00:00 and 00:01:00.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for a rate limit to reset; a longer one fails the call instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "02:00:00", ErrorMessage = "ActionBot:GitHub:MaxRateLimitWait must be between 00:00:00 and 02:00:00.")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// After an issue creation whose answer was lost, how long to wait before looking for the issue by its marker (and
    /// creating it only if it is not there), within the same attempt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "ActionBot:GitHub:UncertainWritePause must be between 00:00:00 and 00:01:00.")]
    public TimeSpan UncertainWritePause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time limit of one attempt, the whole answer read (zero: none).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "ActionBot:GitHub:RequestTimeout must be between 00:00:00 and 00:10:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Repositories whose merged postmortems are read.</summary>
    public IList<GitHubRepositoryOptions> Repositories { get; } = [];

    // An empty value is no value: a Compose file passes ${GITHUB_APP_ID:-} as "" to a bot that uses a token.
    internal bool UsesApp => !string.IsNullOrWhiteSpace(AppId) || !string.IsNullOrWhiteSpace(PrivateKeyPath) || InstallationId is not null;
}

/// <summary>One repository whose merged postmortems are read (<c>ActionBot:GitHub:Repositories:N</c>).</summary>
public sealed class GitHubRepositoryOptions
{
    public static readonly IReadOnlyList<string> DefaultPostmortemPaths = ["postmortems/**/*.md"];

    /// <summary><c>owner/name</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Globs of postmortem files; <see cref="DefaultPostmortemPaths"/> when none are configured.</summary>
    // Filled after binding: a default element here would be kept beside the configured ones by the binder.
    public IList<string> PostmortemPaths { get; } = [];

    /// <summary><c>owner/name</c> where action-item issues are opened; the same repository when not set.</summary>
    public string? IssueRepository { get; set; }

    /// <summary>Discord channel for announcements; <c>Discord:DefaultChannelId</c> when not set.</summary>
    public ulong? DiscordChannelId { get; set; }

    /// <summary>
    /// One tracking issue per postmortem, its action-item issues attached as GitHub sub-issues (INTERFACES §5). Turn it
    /// off where the server has no sub-issues (an older GitHub Enterprise Server).
    /// </summary>
    public bool TrackingIssue { get; set; } = true;
}
