using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ActionBot.Testing.GitHub;
using ActionBot.Testing.GitHub.Webhooks;

namespace ActionBot.Tests.Infrastructure;

/// <summary>The two ways an issue of the bot gets closed: a person closes it on GitHub, with or without the bot hearing of it.</summary>
internal static class IssueClosing
{
    /// <summary>A person closes the issue on GitHub; the bot hears nothing of it (a missed <c>issues</c> webhook).</summary>
    public static Task CloseOnGitHubAsync(FakeGitHubServer github, int number) => SetOnGitHubAsync(github, number, "closed");

    /// <summary>
    /// A person closes the issue on GitHub and GitHub tells the bot: the <c>issues</c> closed delivery, processed. Closed on
    /// the fake too, so that a later reconcile pass reads what GitHub would answer.
    /// </summary>
    public static Task CloseByWebhookAsync(ActionBotApplication app, int number) => ChangeByWebhookAsync(app, number, "closed");

    /// <summary>A person reopens the issue on GitHub and GitHub tells the bot (the <c>issues</c> reopened delivery, processed).</summary>
    public static Task ReopenByWebhookAsync(ActionBotApplication app, int number) => ChangeByWebhookAsync(app, number, "open");

    private static async Task SetOnGitHubAsync(FakeGitHubServer github, int number, string state)
    {
        ArgumentNullException.ThrowIfNull(github);
        using var http = new HttpClient { BaseAddress = github.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", FakeGitHubServer.DefaultToken);
        using var response = await http.PatchAsJsonAsync($"repos/{ActionBotApplication.Repository}/issues/{number}", new { state });
        response.EnsureSuccessStatusCode();
        Assert.Equal(state, github.Repository(ActionBotApplication.Repository).Issue(number)?.State);
    }

    private static async Task ChangeByWebhookAsync(ActionBotApplication app, int number, string state)
    {
        ArgumentNullException.ThrowIfNull(app);
        await SetOnGitHubAsync(app.GitHub, number, state);
        var issue = app.GitHub.Repository(ActionBotApplication.Repository).Issue(number)!;
        var changed = new IssuesEventBuilder().InRepository(ActionBotApplication.Repository).WithNumber(number)
            .WithTitle(issue.Title).WithBody(issue.Body).WithLabels([.. issue.Labels]).WithAction(state == "open" ? "reopened" : "closed")
            .UpdatedAt(issue.UpdatedAt).Build();
        using var response = await app.PostWebhookAsync("issues", changed);
        await app.DrainAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
