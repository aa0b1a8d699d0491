using ActionBot.Core.Extraction;
using ActionBot.Core.Ports;
using ActionBot.GitHub;
using ActionBot.GitHub.Api;
using ActionBot.Hosting;
using ActionBot.Storage;
using Microsoft.Extensions.Options;

namespace ActionBot.Cli.Backfill;

/// <summary>
/// The services <c>backfill</c> runs on: <c>serve</c>'s configuration (appsettings.json, environment, <c>--ActionBot:...</c>
/// on the command line) and its storage and GitHub services, built the same way (<c>AddStorage</c>, <c>AddGitHubTracking</c>),
/// without the web server, the webhook worker or the scheduler. Nothing is announced in chat.
/// </summary>
internal sealed class BackfillHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BackfillHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// The configuration of <c>serve</c>, or the one-line reason it cannot backfill (bad usage: exit 2). Checked before
    /// any service is built: GitHub configured, <paramref name="repository"/> one of its repositories.
    /// </summary>
    public static (BackfillHost? Host, string? Problem) Create(
        IReadOnlyList<string> configurationArgs, string? repository, CliConsole console, Action<IServiceCollection>? testServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. configurationArgs] });
        if (Problem(builder.Configuration, repository) is { } problem)
        {
            return (null, problem);
        }

        builder.Logging.ClearProviders().AddProvider(new CliLoggerProvider(console.Error, LogLevel.Warning));
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ActionItemExtractor>();
        services.AddStorage(builder.Configuration);
        services.AddSingleton<IChatNotifier, LoggingChatNotifier>();
        services.AddGitHubTracking(builder.Configuration);
        testServices?.Invoke(services);

        var host = builder.Build();
        try
        {
            // What ValidateOnStart checks when serve starts: a configuration that cannot work is bad usage.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return (new BackfillHost(host), null);
        }
        catch (OptionsValidationException e)
        {
            host.Dispose();
            return (null, e.Failures.FirstOrDefault() ?? e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string? Problem(ConfigurationManager configuration, string? repository)
    {
        if (!GitHubRegistration.IsConfigured(configuration))
        {
            return "backfill needs GitHub: set ActionBot:GitHub:Token (or the GitHub App keys) and ActionBot:GitHub:Repositories:0:Name, as serve reads them (see appsettings.example.json).";
        }

        var names = configuration.GetSection($"{GitHubOptions.SectionName}:Repositories").GetChildren()
            .Select(r => r["Name"]).OfType<string>().ToList();
        if (names.Count == 0)
        {
            return "backfill needs at least one repository: ActionBot:GitHub:Repositories:0:Name is not set.";
        }

        if (repository is not null && !GitHubRepoName.TryParse(repository, out _))
        {
            return $"--repo '{CliText.Clean(repository)}' is not a repository name like OWNER/NAME.";
        }

        return repository is null || names.Contains(repository, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"--repo {repository} is not a configured repository (ActionBot:GitHub:Repositories: {string.Join(", ", names)}).";
    }
}
