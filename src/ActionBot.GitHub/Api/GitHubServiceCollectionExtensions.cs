using System.Net.Http.Headers;
using ActionBot.Core.Observability;
using ActionBot.GitHub.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub.Api;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>The version of GitHub's REST API whose shapes the records follow.</summary>
    public const string ApiVersion = "2022-11-28";

    /// <summary>Registers <see cref="GitHubOptions"/> (validated at start), the credentials and the typed <see cref="GitHubClient"/>.</summary>
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
        services.TryAddTransient<GitHubCallMetricsHandler>();
        services.TryAddSingleton<GitHubResilience>();
        services.TryAddSingleton<GitHubWriteGate>();
        services.TryAddSingleton<GitHubETagCache>();
        services.TryAddSingleton<GitHubAppCredentials>();
        services.TryAddSingleton<IGitHubCredentials>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Token)
                ? sp.GetRequiredService<GitHubAppCredentials>()
                : new GitHubTokenCredentials(options.Token);
        });

        services.AddHttpClient(GitHubAppCredentials.HttpClientName, ConfigureHttpClient)
            .RedactLoggedHeaders(_ => true)
            .AddHttpMessageHandler<GitHubCallMetricsHandler>();
        services.AddHttpClient(GitHubClient.HttpClientName, ConfigureHttpClient)
            .RedactLoggedHeaders(_ => true)
            .AddHttpMessageHandler<GitHubCallMetricsHandler>()
            .AddTypedClient((http, sp) => new GitHubClient(
                http,
                sp.GetRequiredService<IGitHubCredentials>(),
                sp.GetRequiredService<GitHubResilience>(),
                sp.GetRequiredService<GitHubWriteGate>(),
                sp.GetRequiredService<GitHubETagCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<GitHubClient>>()));
        services.AddGitHubDeviceFlow(configuration);
        return services;
    }

    private static void ConfigureHttpClient(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<GitHubOptions>>().Value;
        http.BaseAddress = options.ApiBaseUrl;
        http.Timeout = Timeout.InfiniteTimeSpan; // GitHubResilience limits each attempt
        http.MaxResponseContentBufferSize = 64 * 1024 * 1024;
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ActionBot", "1.0"));
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", ApiVersion);
    }
}
