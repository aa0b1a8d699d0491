using ActionBot.Core.Identity;
using ActionBot.Core.Observability;
using ActionBot.Core.Ports;
using ActionBot.Discord.Api;
using ActionBot.Discord.Interactions;
using ActionBot.Discord.Interactions.Commands;
using ActionBot.Discord.Linking;
using ActionBot.Discord.Outbox;
using ActionBot.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// What the interactions endpoint needs even while Discord is off (it then answers 401): the options, bound
    /// but not validated, and the signature verifier.
    /// </summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services)
    {
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<DiscordOptions>, DiscordOptionsDefaults>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Ed25519SignatureVerifier>();
        services.TryAddSingleton<RequestBodyReader>();
        return services;
    }

    /// <summary>
    /// Discord on: options validated at start, the typed REST client, the chat port (<see cref="IChatNotifier"/>)
    /// over the outbox with its sender, the <c>/postmortem</c> commands and their registration, and account linking
    /// (<see cref="AccountLinking"/>, with <c>Discord:UserLinks</c> as the admin's links, and the
    /// <see cref="AccountLinkVerifier"/> that polls GitHub). Storage (<see cref="IChatOutbox"/>, <see cref="IAccountLinks"/>,
    /// <see cref="IAccountLinkRequests"/>, <see cref="IActionItemStore"/>), the channels (<see cref="IChannelDirectory"/>),
    /// the reminder ports (<c>IDueDateRule</c>, <c>IDigestComposer</c>) and GitHub's device flow
    /// (<see cref="IGitHubDeviceFlow"/>, only with a client id) come from elsewhere.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDiscordInteractions();
        services.AddOptions<DiscordOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton<ActionBotMetrics>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordResilience>();
        services.AddHttpClient(DiscordClient.HttpClientName, ConfigureHttpClient)
            .RemoveAllLoggers() // its request lines would carry interaction tokens (webhook routes)
            .AddTypedClient<DiscordClient>();
        services.TryAddSingleton(sp => new ConfiguredAccountLinks(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.UserLinks));
        services.TryAddSingleton<AccountDirectory>();
        services.TryAddSingleton<AccountLinking>();
        services.TryAddSingleton<AccountLinkVerifier>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountLinkVerifier>());

        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<ICrashPoints>(NoCrashPoints.Instance);
        services.TryAddSingleton<DiscordChatNotifier>();
        services.AddSingleton<IChatNotifier>(sp => sp.GetRequiredService<DiscordChatNotifier>());
        services.TryAddSingleton<DiscordOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordOutboxSender>());

        // The scheduler's retry job drains the outbox too: a sender loop that died or missed its wake-up is covered.
        services.AddSingleton<IPendingWorkRetrier>(sp => sp.GetRequiredService<DiscordOutboxSender>());

        services.TryAddSingleton<PostmortemLookup>();
        services.AddSingleton<IPostmortemSubcommand, TasksCommand>();
        services.AddSingleton<IPostmortemSubcommand, MineCommand>();
        services.AddSingleton<IPostmortemSubcommand, OverdueCommand>();
        services.AddSingleton<IPostmortemSubcommand, SnoozeCommand>();
        services.AddSingleton<IPostmortemSubcommand, LinkCommand>();
        services.AddSingleton<IPostmortemSubcommand, DigestCommand>();
        services.TryAddSingleton<PostmortemCommands>();
        services.TryAddSingleton<InteractionFollowUps>();
        services.TryAddSingleton<CommandRegistrar>();
        services.AddHostedService(sp => sp.GetRequiredService<CommandRegistrar>());
        return services;
    }

    private static void ConfigureHttpClient(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        http.BaseAddress = options.ApiBaseUrl;
        http.Timeout = Timeout.InfiniteTimeSpan; // DiscordResilience limits each attempt
        // Discord asks bots to name themselves: "DiscordBot (url, version)".
        http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/actionbot, 1.0)");
    }
}
