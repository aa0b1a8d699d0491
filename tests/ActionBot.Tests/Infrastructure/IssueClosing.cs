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
    public static async Task CloseOnGitHubAsync(FakeGitHubServer github, int number)
    {
        ArgumentNullException.ThrowIfNull(github);
        using var http = new HttpClient { BaseAddress = github.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", FakeGitHubServer.DefaultToken);
        using var response = await http.PatchAsJsonAsync($"repos/{ActionBotApplication.Repository}/issues/{number}", new { state = "closed" });
        response.EnsureSuccessStatusCode();
        Assert.Equal("closed", github.Repository(ActionBotApplication.Repository).Issue(number)?.State);
    }

    /// <summary>
    /// A person closes the issue on GitHub and GitHub tells the bot: the <c>issues</c> closed delivery, processed. Closed on
    /// the fake too, so that a later reconcile pass reads what GitHub would answer.
    /// </summary>
    public static async Task CloseByWebhookAsync(ActionBotApplication app, int number)
    {
        ArgumentNullException.ThrowIfNull(app);
        await CloseOnGitHubAsync(app.GitHub, number);
        var issue = app.GitHub.Repository(ActionBotApplication.Repository).Issue(number)!;
        var closed = new IssuesEventBuilder().InRepository(ActionBotApplication.Repository).WithNumber(number)
            .WithTitle(issue.Title).WithBody(issue.Body).WithLabels([.. issue.Labels]).WithAction("closed").UpdatedAt(issue.UpdatedAt).Build();
        using var response = await app.PostWebhookAsync("issues", closed);
        await app.DrainAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
