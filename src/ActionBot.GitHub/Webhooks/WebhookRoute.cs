namespace ActionBot.GitHub.Webhooks;

/// <summary>What a verified delivery means for the bot; <see cref="WebhookEventRouter"/> decides.</summary>
public abstract record WebhookRoute
{
    private protected WebhookRoute()
    {
    }

    /// <summary>A pull request of a watched repository was merged into its default branch.</summary>
    public sealed record MergedPullRequest(
        string Repository,
        int Number,
        string MergeCommitSha,
        string BaseRef,
        string Title,
        string HtmlUrl,
        string Author,
        DateTimeOffset MergedAt) : WebhookRoute;

    /// <summary>A push straight to a watched default branch that added or changed postmortems.</summary>
    public sealed record DirectPush(string Repository, string Before, string After, IReadOnlyList<string> ChangedPaths) : WebhookRoute;

    /// <summary>An issue changed where the bot's issues live; the worker looks it up by number.</summary>
    public sealed record IssueChanged(string IssueRepository, int Number, string Action, string State) : WebhookRoute;

    public sealed record Ignored(string Reason) : WebhookRoute;
}
