using ActionBot.Discord.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActionBot.Discord.Interactions;

/// <summary>
/// Registers <c>/postmortem</c> at start-up by bulk overwrite (in the guild when <c>GuildId</c> is set, else
/// globally), so registering twice changes nothing. Retried with back-off while Discord fails; never stops the host.
/// </summary>
public sealed partial class CommandRegistrar(
    DiscordClient client,
    PostmortemCommands commands,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<CommandRegistrar> logger) : BackgroundService
{
    private const int MaxAttempts = 8;

    /// <summary>Completes when the commands are registered (or registration was given up).</summary>
    public Task Registered => _registered.Task;

    private readonly TaskCompletionSource<bool> _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.RetryBaseDelay;
        for (var attempt = 1; attempt <= MaxAttempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var registered = await client.OverwriteCommandsAsync(commands.Definitions, stoppingToken).ConfigureAwait(false);
                Log.Registered(logger, registered.Count, options.Value.GuildId ?? "(global)");
                _registered.TrySetResult(true);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.RegistrationFailed(logger, attempt, MaxAttempts, ex.Message);
            }

            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(Math.Max(delay.Ticks, TimeSpan.TicksPerSecond) * 2, TimeSpan.FromMinutes(5).Ticks));
        }

        Log.GaveUp(logger);
        _registered.TrySetResult(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "Discord commands registered: {Count} command(s) in guild {Guild}")]
        public static partial void Registered(ILogger logger, int count, string guild);

        [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Registering the Discord commands failed (attempt {Attempt} of {MaxAttempts}): {Reason}")]
        public static partial void RegistrationFailed(ILogger logger, int attempt, int maxAttempts, string reason);

        [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Gave up registering the Discord commands; /postmortem keeps its earlier registration until the next start")]
        public static partial void GaveUp(ILogger logger);
    }
}
