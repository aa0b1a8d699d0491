using ActionBot.Testing.GitHub;

namespace ActionBot.Tests.Infrastructure;

/// <summary>
/// The postmortem of the reminder tests: two items due Friday 7 March 2025, alice's and bob's, merged as pull request 42
/// on Monday 3 March. Reminded Wednesday 5th, Friday 7th, then Monday 10th, Thursday 13th ... while open.
/// </summary>
internal static class PaymentPostmortem
{
    public const string Channel = "1180000000000000003";
    public const string Path = "postmortems/2025-03-03-payment-timeouts.md";
    public const int PullRequest = 42;

    public const string Markdown = """
        # Payment gateway timeouts (March 3, 2025)

        ## Action items

        - [ ] Add a circuit breaker to the payment client (owner: @alice, due 2025-03-07)
        - [ ] Alert on gateway p99 latency above two seconds (owner: @bob, due 2025-03-07)

        """;

    public static readonly DateTimeOffset Wednesday = new(2025, 3, 5, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Friday = new(2025, 3, 7, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Monday = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static PostmortemFile File => new(Path, Markdown);

    /// <summary>The number of the issue opened for <paramref name="owner"/>'s item (alice or bob).</summary>
    public static int IssueOf(FakeGitHubServer github, string owner)
    {
        ArgumentNullException.ThrowIfNull(github);
        var words = owner == "alice" ? "circuit breaker" : "p99";
        return github.Repository(ActionBotApplication.Repository).Issues.Single(i => i.Title.Contains(words, StringComparison.Ordinal)).Number;
    }

    /// <summary>Merges the postmortem and waits until its two issues are open.</summary>
    public static async Task MergeAsync(ActionBotApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var response = await app.PostWebhookAsync("pull_request", MergedPullRequest.Seed(app.GitHub, PullRequest, [File]));
        await app.DrainAsync();
        Assert.Equal(2, (await app.GetItemsAsync("open")).Count(i => i.IssueNumber is not null));
    }
}
