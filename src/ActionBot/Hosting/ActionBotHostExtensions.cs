using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;
using ActionBot.Core.Reminders;
using ActionBot.Discord;
using ActionBot.Discord.Interactions;
using ActionBot.Dashboard;
using ActionBot.GitHub;
using ActionBot.GitHub.Webhooks;
using ActionBot.Scheduling;
using ActionBot.Observability;
using ActionBot.ReadAccess;
using ActionBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

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

        services.AddActionBotMetrics();
        services.AddReadAccess();
        services.AddHostedService<IntegrationsReport>();
        services.AddHostedService<ConfigurationWarnings>();

        // The interactions endpoint always exists too: without Discord's public key it answers 401.
        services.AddDiscordInteractions();
        if (IsConfigured(configuration, DiscordOptions.SectionName))
        {
            services.AddDiscord(configuration);
        }
        else
        {
            services.AddSingleton<IChatNotifier, LoggingChatNotifier>();
        }

        // The webhook endpoint always exists (without a secret it answers 503, as the interface promises); the rest of
        // GitHub (Octokit, the issue tracker, the delivery worker) when any ActionBot:GitHub key is set.
        var gitHub = GitHubRegistration.IsConfigured(configuration);
        services.AddGitHub(configuration);
        services.AddDashboard(dryRun: !gitHub);

        // After storage (its migrations run first) and after GitHub (the sweep comments through its issue tracker).
        services.AddScheduling(configuration, gitHub);

        return builder;
    }

    public static WebApplication UseActionBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseReadAccess();
        app.MapLogin();
        app.MapHealthEndpoints();
        app.MapDashboard();
        app.MapJobDashboard();
        app.MapMetrics();
        app.MapGitHubWebhooks();
        app.MapDiscordInteractions();
        app.MapActionItemsApi();
        return app;
    }

    // Any key of an integration (GitHub, Discord) turns it on, and then its settings must be complete: a half-configured
    // bot stops at start-up with a message naming the key rather than running without telling anyone.
    private static bool IsConfigured(ConfigurationManager configuration, string sectionName)
    {
        var section = configuration.GetSection(sectionName);
        return section.GetChildren().Any(child => child.Value is { Length: > 0 } || child.GetChildren().Any());
    }
}
