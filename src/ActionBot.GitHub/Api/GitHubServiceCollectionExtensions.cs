using System.Net;
using ActionBot.Core.Observability;
using ActionBot.GitHub.Api.Authentication;
using ActionBot.GitHub.Api.Handlers;
using ActionBot.GitHub.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Octokit;

namespace ActionBot.GitHub.Api;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>The name of the handler chain under Octokit, for <c>AddHttpClient(name)</c> (tests add a stand-in network under it).</summary>
    public const string HttpClientName = "ActionBot.GitHub";

    /// <summary>
    /// Registers <see cref="GitHubOptions"/> (validated at start), the credentials, and one Octokit
    /// <see cref="IGitHubClient"/> whose requests go through our handler chain, outermost first:
    /// call scope (the caller's cancellation) → rate limits (wait, send again) → transient retries (reads and writes
    /// that cannot duplicate) → write pacing → authorization (per attempt) → metrics (per attempt) → attempt time-out.
    /// </summary>
    public static IServiceCollection AddGitHubApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GitHubOptions>()
            .Bind(configuration.GetSection(GitHubOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<GitHubOptions>, GitHubOptionsDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ActionBotMetrics>();
        services.TryAddSingleton<GitHubWriteGate>();
        services.TryAddSingleton<GitHubResponseCache>();
        services.TryAddSingleton<OctokitClientFactory>();
        services.TryAddSingleton<GitHubAppCredentials>();
        services.TryAddSingleton<IGitHubCredentials>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Token)
                ? sp.GetRequiredService<GitHubAppCredentials>()
                : new GitHubTokenCredentials(options.Token);
        });
        services.TryAddSingleton<IGitHubClient>(sp => sp.GetRequiredService<OctokitClientFactory>().Create());

        services.TryAddTransient<GitHubCallScopeHandler>();
        services.TryAddTransient<GitHubRateLimitHandler>();
        services.TryAddTransient<GitHubRetryHandler>();
        services.TryAddTransient<GitHubWritePacingHandler>();
        services.TryAddTransient<GitHubAuthorizationHandler>();
        services.TryAddTransient<GitHubCallMetricsHandler>();
        services.TryAddTransient<GitHubAttemptTimeoutHandler>();
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Octokit follows redirects itself, dropping credentials when the host changes.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,

                // Octokit keeps its HttpClient for the life of the process: connections are renewed instead, for DNS changes.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(_ => true)
            .AddHttpMessageHandler<GitHubCallScopeHandler>()
            .AddHttpMessageHandler<GitHubRateLimitHandler>()
            .AddHttpMessageHandler<GitHubRetryHandler>()
            .AddHttpMessageHandler<GitHubWritePacingHandler>()
            .AddHttpMessageHandler<GitHubAuthorizationHandler>()
            .AddHttpMessageHandler<GitHubCallMetricsHandler>()
            .AddHttpMessageHandler<GitHubAttemptTimeoutHandler>();
        services.AddGitHubDeviceFlow(configuration);
        return services;
    }
}
