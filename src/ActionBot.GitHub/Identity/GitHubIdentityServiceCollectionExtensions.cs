using System.Net.Http.Headers;
using ActionBot.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ActionBot.GitHub.Identity;

public static class GitHubIdentityServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="GitHubIdentityOptions"/> (validated at start) and, when <c>ActionBot:GitHub:ClientId</c> is set, the
    /// device flow (<see cref="IGitHubDeviceFlow"/>) that confirms who people are on GitHub. Without a client id the
    /// port is not registered, and linking is left to configuration. Needs <c>AddGitHubApi</c>'s options.
    /// </summary>
    public static IServiceCollection AddGitHubDeviceFlow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GitHubIdentityOptions>()
            .Bind(configuration.GetSection(GitHubIdentityOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Decided from configuration: whether the port exists at all is fixed before the container is built.
        if (string.IsNullOrWhiteSpace(configuration[$"{GitHubIdentityOptions.SectionName}:{nameof(GitHubIdentityOptions.ClientId)}"]))
        {
            return services;
        }

        services.AddHttpClient<IGitHubDeviceFlow, GitHubDeviceFlowClient>(GitHubDeviceFlowClient.HttpClientName, http =>
            {
                http.Timeout = TimeSpan.FromSeconds(30);
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ActionBot", "1.0"));
            })
            .RedactLoggedHeaders(_ => true); // the person's bearer token goes out in one request
        return services;
    }
}
