using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;
using ActionBot.Core.Tracking;
using ActionBot.Dashboard;
using ActionBot.GitHub.Api;
using ActionBot.GitHub.Processing;
using ActionBot.GitHub.Tracking;
using ActionBot.GitHub.Webhooks;
using ActionBot.Observability;
using ActionBot.Storage;

namespace ActionBot.Hosting;

/// <summary>The composition root of <c>serve</c>: explicit registrations, one per outside system.</summary>
public static class ActionBotHostExtensions
{
    /// <summary>The address <c>serve</c> listens on unless <c>--urls</c> or <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddActionBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ActionItemExtractor>();
        services.AddStorage(configuration);
        services.AddOptions<DeliveryWorkerOptions>().BindConfiguration(DeliveryWorkerOptions.SectionName);
        services.AddOptions<MaintenanceOptions>().BindConfiguration(MaintenanceOptions.SectionName);

        // The webhook endpoint always exists: without a secret it answers 503, as the interface promises.
        services.AddGitHubWebhooks();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<IWebhookDeliverySink, InboxWebhookSink>();
        services.AddSingleton<IChatNotifier, LoggingChatNotifier>();
        services.AddActionBotMetrics();
        services.AddOptions<ReadAccessOptions>().BindConfiguration(ReadAccessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<IntegrationsReport>();
        var gitHubIsConfigured = GitHubIsConfigured(configuration);
        services.AddDashboard(dryRun: !gitHubIsConfigured);
        if (gitHubIsConfigured)
        {
            services.AddGitHubApi(configuration);
            services.AddSingleton<IIssueTracker, GitHubIssueTracker>();
            services.AddSingleton<IssueOpener>();
            services.AddSingleton<PostmortemIngestion>();
            services.AddSingleton<IssueStateReconciler>();
            services.AddSingleton<GitHubDeliveryProcessor>();
            services.AddSingleton<DeliveryWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
            services.AddSingleton<MaintenanceWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<MaintenanceWorker>());
        }

        return builder;
    }

    public static WebApplication UseActionBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ReadAccessPolicy>();
        app.MapHealthEndpoints();
        app.MapDashboard();
        app.MapMetrics();
        app.MapGitHubWebhooks();
        app.MapActionItemsApi();
        return app;
    }

    // Any GitHub key turns the integration on, and then the settings must be complete: a half-configured
    // bot stops at start-up with a message naming the key rather than running without telling anyone.
    private static bool GitHubIsConfigured(ConfigurationManager configuration)
    {
        var section = configuration.GetSection(GitHubOptions.SectionName);
        return section.GetChildren().Any(child => child.Value is { Length: > 0 } || child.GetChildren().Any());
    }
}
