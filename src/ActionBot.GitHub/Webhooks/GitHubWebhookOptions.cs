namespace ActionBot.GitHub.Webhooks;

/// <summary>Webhook settings, bound from <c>ActionBot:GitHub</c>. No secret means every delivery gets 503.</summary>
public sealed class GitHubWebhookOptions
{
    public const string SectionName = "ActionBot:GitHub";

    public string? WebhookSecret { get; set; }
}
