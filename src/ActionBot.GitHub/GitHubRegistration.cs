using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Backfill;
using ActionBot.GitHub.Content;
using ActionBot.GitHub.Processing;
using ActionBot.GitHub.Tracking;
using ActionBot.GitHub.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActionBot.GitHub;

/// <summary>Everything GitHub, registered in one place: webhooks, the API (Octokit), the issue tracker, processing and its worker.</summary>
public static class GitHubRegistration
{
    /// <summary>
    /// Whether GitHub is on: any key under <c>ActionBot:GitHub</c> turns it on, and then its settings must be complete
    /// (a half-configured bot stops at start-up with a message naming the key rather than running without telling anyone).
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(GitHubOptions.SectionName).GetChildren()
            .Any(child => child.Value is { Length: > 0 } || child.GetChildren().Any());
    }

    /// <summary>
    /// The webhook receiver (always: without a secret it answers 503) and its durable inbox sink; when GitHub is
    /// configured, the Octokit client with our handler chain, the issue tracker, the content reader, ingestion and the
    /// delivery worker. Needs storage (<see cref="IDeliveryInbox"/>, <see cref="IActionItemStore"/>, <see cref="IJobLease"/>)
    /// and an <see cref="IChatNotifier"/>.
    /// </summary>
    public static IServiceCollection AddGitHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGitHubWebhooks();
        services.TryAddSingleton<DeliverySignal>();
        services.TryAddSingleton<IWebhookDeliverySink, InboxWebhookSink>();
        if (!IsConfigured(configuration))
        {
            return services;
        }

        services.AddGitHubTracking(configuration);
        services.TryAddSingleton<GitHubDeliveryProcessor>();

        services.AddOptions<DeliveryWorkerOptions>().BindConfiguration(DeliveryWorkerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }

    /// <summary>
    /// What opens and follows issues, without webhooks or a worker (what <c>backfill</c> runs on): the Octokit client with
    /// our handler chain, the issue tracker, the content reader, ingestion with its tracking issues, the reconciler, and
    /// the backfill reader. Needs storage and an <see cref="IChatNotifier"/>.
    /// </summary>
    public static IServiceCollection AddGitHubTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGitHubApi(configuration);
        services.TryAddSingleton<IIssueTracker, GitHubIssueTracker>();
        services.TryAddSingleton<IRepositoryFiles, OctokitRepositoryFiles>();
        services.TryAddSingleton<ITrackingIssuePolicy, ConfiguredTrackingIssuePolicy>();
        services.TryAddSingleton(sp => new UncertainWriteRule(
            sp.GetRequiredService<IOptions<GitHubOptions>>().Value.UncertainWritePause, UncertainWriteRule.Default.Rounds));
        services.TryAddSingleton<ICrashPoints>(NoCrashPoints.Instance);
        services.TryAddSingleton<IssueOpener>();
        services.TryAddSingleton<TrackingIssueKeeper>();
        services.TryAddSingleton<PostmortemIngestion>();
        services.TryAddSingleton<IssueStateReconciler>();
        services.TryAddSingleton<PostmortemBackfill>();
        return services;
    }
}
